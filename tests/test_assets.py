"""Asset runs in a temporary home: the refresh job as Dagster runs it."""

import shutil

import dagster as dg

from pipelines.definitions import defs
from pipelines.resources import default_resources
from tests.support import SEED, SEED_TITLE


def _metadata(result, key):
    (event,) = [
        e for e in result.get_asset_materialization_events() if e.asset_key == dg.AssetKey(key)
    ]
    return event.materialization.metadata


def test_refresh_job_materialises_every_layer_and_passes_checks(home):
    shutil.copy(SEED, home.landing / SEED.name)
    from newsdesk.landing import landing_files
    from newsdesk.raw import day_of

    (path,) = landing_files(home.landing)
    day = day_of(path.stat().st_mtime)
    job = defs.resolve_job_def("refresh")
    result = job.execute_in_process(
        partition_key=day,
        resources=default_resources(str(home.home)),
        instance=dg.DagsterInstance.ephemeral(),
    )
    assert result.success
    assert _metadata(result, ["raw", "news_items"])["new_items"].value == 1
    assert _metadata(result, ["lake", "stories"])["row_count"].value == 1
    assert _metadata(result, ["lake", "related_links"])["row_count"].value >= 9
    assert _metadata(result, ["lake", "entity_mentions"])["row_count"].value > 10
    stories = _metadata(result, ["warehouse", "stories"])
    assert stories["row_count"].value == 1
    assert SEED_TITLE in stories["preview"].value
    assert "Pakistan" in _metadata(result, ["warehouse", "entities"])["top_entities"].value
    assert _metadata(result, ["warehouse", "stories"])["refresh"].value == "full rebuild"
    checks = result.get_asset_check_evaluations()
    assert checks and all(c.passed for c in checks)
    assert {c.check_name for c in checks} >= {
        "record_ids_unique",
        "titles_non_empty",
        "links_point_to_stories",
        "mentions_point_to_stories",
        "story_id_unique",
    }
