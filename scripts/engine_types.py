"""Write types/engine.d.ts, the page's types of what the engine returns, from the
engine's own TypedDicts (checklist/contract.py), and the page's module of the
form's text fields (overrides/assets/checklist/engine-fields.js) from the
engine's ``FIELDS``: one source for both sides.

    python scripts/engine_types.py          # write the file
    python scripts/engine_types.py --check  # fail when it is out of date (make lint)

A field renamed in Python changes the generated file; `--check` then fails until
the file is written again, and `tsc` fails until the page follows.
"""

import inspect
import json
import sys
import types
import typing
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import checklist  # noqa: E402
from checklist import contract  # noqa: E402
from checklist.state import FIELDS  # noqa: E402

OUTPUT = ROOT / "types" / "engine.d.ts"
FIELDS_OUTPUT = ROOT / "overrides" / "assets" / "checklist" / "engine-fields.js"
HEADER = """\
// Written by scripts/engine_types.py from checklist/contract.py: do not edit.
// What the engine (Python, in the worker) hands the page, as JSON."""
# The named Literal types of contract.py, written once and referred to by name.
# (``Message`` is a plain ``dict[str, str]``: it is spelled out where it is used.)
ALIASES = {"Level": contract.Level, "Verdict": contract.Verdict}
SCALARS: dict[object, str] = {
    str: "string",
    int: "number",
    bool: "boolean",
    type(None): "null",
    object: "unknown",
}


def typed_dicts() -> list[type]:
    """The TypedDicts of contract.py, in the order the module defines them."""
    found = vars(contract).values()
    return [value for value in found if typing.is_typeddict(value)]


def ts(hint: object) -> str:
    """The TypeScript spelling of one type hint."""
    for name, alias in ALIASES.items():
        if hint == alias:
            return name
    if typing.is_typeddict(hint):
        return str(hint.__name__)  # type: ignore[attr-defined]
    if hint in SCALARS:
        return SCALARS[hint]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        return " | ".join(f'"{value}"' for value in args)
    if origin in (typing.Union, types.UnionType):
        return " | ".join(ts(arg) for arg in args)
    if origin is list:
        (item,) = args
        inner = ts(item)
        return f"({inner})[]" if "|" in inner else f"{inner}[]"
    if origin is dict:
        key, value = args
        return f"Record<{ts(key)}, {ts(value)}>"
    raise TypeError(f"no TypeScript for {hint!r}")


def interface(cls: type) -> str:
    """One TypedDict as an exported interface, its docstring as JSDoc."""
    optional: frozenset[str] = getattr(cls, "__optional_keys__", frozenset())
    lines = []
    doc = (cls.__doc__ or "").strip().split("\n\n")[0]
    if doc:
        lines.append("/** " + " ".join(doc.replace("``", "`").split()) + " */")
    lines.append(f"export interface {cls.__name__} {{")
    for name, hint in typing.get_type_hints(cls).items():
        mark = "?" if name in optional else ""
        lines.append(f"  {name}{mark}: {ts(hint)};")
    lines.append("}")
    return "\n".join(lines)


def operations() -> str:
    """The engine's public functions, as the page calls them through the worker
    (checklist/worker.py): their arguments cross as JSON, their results as the
    contract's types."""
    lines = [
        "/** The engine's public functions by name, as the page calls them through the worker. */",
        "export interface Ops {",
    ]
    for name in checklist.__all__:
        function = getattr(checklist, name)
        if not callable(function):
            continue
        hints = typing.get_type_hints(function)
        params = ", ".join(
            f"{param.name}{'' if param.default is param.empty else '?'}: "
            f"{ts(hints.get(param.name, object))}"
            for param in inspect.signature(function).parameters.values()
        )
        lines.append(f"  {name}({params}): {ts(hints['return'])};")
    lines.append("}")
    return "\n".join(lines)


def render() -> str:
    parts = [HEADER]
    for name, alias in ALIASES.items():
        values = " | ".join(f'"{value}"' for value in typing.get_args(alias))
        parts.append(f"export type {name} = {values};")
    parts += [interface(cls) for cls in typed_dicts()]
    parts.append(operations())
    return "\n\n".join(parts) + "\n"


def render_fields() -> str:
    """The form's text fields as a module of the page (data only)."""
    entries = "\n".join(f"  {name}: {json.dumps(list(path))}," for name, path in FIELDS.items())
    return (
        "// Written by scripts/engine_types.py from checklist/state.py (FIELDS): do not edit.\n"
        "/**\n"
        " * The checklist's text fields: each form control's name and where its value\n"
        " * lives in the engine's state. Schema 1 kept the merchant's details at the\n"
        " * top level, under the control's name.\n"
        " * @type {Readonly<Record<string, readonly string[]>>}\n"
        " */\n"
        f"export const FIELDS = Object.freeze({{\n{entries}\n}});\n"
    )


def main(argv: list[str]) -> int:
    outputs = {OUTPUT: render(), FIELDS_OUTPUT: render_fields()}
    if "--check" in argv:
        stale = [
            path
            for path, text in outputs.items()
            if not path.is_file() or path.read_text(encoding="utf-8") != text
        ]
        for path in stale:
            print(
                f"{path.relative_to(ROOT)} is out of date with the engine: "
                "run `python scripts/engine_types.py`.",
                file=sys.stderr,
            )
        return 1 if stale else 0
    for path, text in outputs.items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
