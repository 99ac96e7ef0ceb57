"""The glue the browser's worker runs (``engine-worker.js``): the engine's public
functions by name, JSON text in and JSON text out, so no Python object ever
crosses into JavaScript.

Every callable of ``checklist.__all__`` is an op, looked up at each call, so a
function added to the engine needs no change here nor in the worker. Bad input
is the engine's to report (it never raises on it); an op that is not a public
function raises :class:`LookupError`, which the worker sends back as a failed
call. Not part of the public API: the page reaches the engine only through it.

The messages the worker and the page exchange are typed once, beside the worker:
``overrides/assets/checklist/protocol.d.ts``; their names and results, in
``types/engine.d.ts`` (``Ops``, written from the public functions' signatures).
"""

import importlib
import json


def call(op: str, args_json: str) -> str:
    """``checklist.<op>(*args)`` as JSON text, ``args_json`` a JSON list of its arguments."""
    package = importlib.import_module(__package__ or "checklist")
    if op not in package.__all__ or not callable(function := getattr(package, op, None)):
        raise LookupError(f"the engine has no public function {op!r}")
    return json.dumps(function(*json.loads(args_json)), ensure_ascii=False)
