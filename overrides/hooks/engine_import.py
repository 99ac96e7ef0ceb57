"""The checklist engine as the build sees it: the ``checklist`` package imported
from the project folder (again when its sources change, under ``mkdocs
serve``), and what the checklist page takes from it.

Imported by the ``checklist_page`` hook (it is not a hook itself).
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType
from typing import TypedDict

from mkdocs.exceptions import PluginError


class RecordSpec(TypedDict):
    """The closure record's data the page needs (``record.toml``)."""

    reference: list[str]
    how: list[str]
    follow_up: dict[str, str]


class Engine:
    """The `checklist` package imported from the project, and what the page needs from it."""

    def __init__(self, root: Path, digest: str) -> None:
        self.root = root
        self.digest = digest
        self.module = import_engine(root)
        try:
            self.catalogue = self.module.catalogue()
            self.new_state = self.module.new_state()
            self.schema = self.module.SCHEMA
            # Imported with the package above; named here, not read from sys.modules.
            summary = importlib.import_module("checklist.summary")
            #: The guide's phase titles, from the engine's one home for them.
            self.phase_title = importlib.import_module("checklist.titles").phase_title
            # How the summary hides digits, so the page can hide them the same
            # way when it prints without the engine.
            self.masks = {
                "fields": {k: list(v) for k, v in summary.MASKS.items()},
                "mark": summary.MASK,
            }
            # The closure record: which steps want a reference, the ways of
            # confirming, the follow-up dates and the step each links to.
            record = importlib.import_module("checklist.record")
            self.record: RecordSpec = {
                "reference": list(record.REFERENCE_ITEMS),
                "how": list(record.HOW),
                "follow_up": dict(record.FOLLOW_UP),
            }
        except Exception as error:
            raise PluginError(f"The checklist engine failed at build time: {error!r}") from error


def import_engine(root: Path) -> ModuleType:
    """Import (or re-import) the `checklist` package from the project folder."""
    for name in [
        name for name in sys.modules if name == "checklist" or name.startswith("checklist.")
    ]:
        del sys.modules[name]
    sys.path.insert(0, str(root))
    try:
        module = importlib.import_module("checklist")
    except Exception as error:
        raise PluginError(
            f"Could not import the checklist engine from {root}: {error!r}"
        ) from error
    finally:
        sys.path.remove(str(root))
    missing = [name for name in ("SCHEMA", "catalogue", "new_state") if not hasattr(module, name)]
    if missing:
        raise PluginError(f"The checklist engine in {root} lacks {missing}.")
    return module
