"""Configured resources: where data lives and which entity model runs.

Nothing is read from the environment here: `NewsdeskHome()` resolves `$NEWSDESK_HOME` when a
run starts. Deployments that outgrow one machine configure these (a shared home on a mounted
volume, more spaCy processes) in the code location, not in asset code.
"""

from __future__ import annotations

from assets.resources import EntityModel, NewsdeskHome, SourcesFile


def default_resources(home: str = "") -> dict[str, object]:
    """The resources every job needs.

    Args:
        home: Home folder; empty means `$NEWSDESK_HOME` at run time, else `./data`.
    """
    return {
        "newsdesk": NewsdeskHome(home=home),
        "entity_model": EntityModel(),
        "sources": SourcesFile(),
    }
