"""Import a build hook (or its helper module) from its file, as MkDocs does.

MkDocs loads each hook from its path under a name of its own, with the hooks'
folder on ``sys.path`` so that a hook can import its neighbours (``languages``,
``guide_steps``). Tests do the same, under a name that cannot clash."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

HOOKS = Path(__file__).resolve().parents[1] / "overrides" / "hooks"


def load(stem: str) -> ModuleType:
    name = f"{stem}_under_test"
    if name not in sys.modules:
        if str(HOOKS) not in sys.path:
            sys.path.insert(0, str(HOOKS))
        spec = importlib.util.spec_from_file_location(name, HOOKS / f"{stem}.py")
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
    return sys.modules[name]
