// Prepares what makes the checklist's Python start fast, at build time, in Node:
//
//   stdlib-compiled.zip  the part of the standard library that Pyodide's start-up and the
//                        engine import, compiled to bytecode by this very Pyodide (so the
//                        browser unmarshals instead of parsing and compiling source)
//   stdlib-source.zip    the same modules as source: 0.9 MB smaller, for slow links
//                        Both leave out comments and docstrings (docstrings as python -OO
//                        does; __doc__ is None): the source is about half the bytes.
//   report.json          what was measured and checked
//
//   node pyodide_startup.mjs '{"pyodide": DIR, "lock": FILE, "package": NAME,
//                              "scenarios": FILE, "out": DIR}'
//
// Which modules are needed is recorded, not guessed: Pyodide loads the engine's wheel the
// way the browser does, runs every scenario through evaluate, summary and migrate, raises
// one error across to JavaScript (the path a failing call takes), and keeps every module
// of the standard library that was imported. Then each trimmed library is checked: a fresh
// Pyodide on it must give exactly the results of the
// full library for every scenario, or this script fails and so does the build.
// (There is no memory snapshot: see "Dropped" in scripts/bench/PERFORMANCE.md.)
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";

// An uncaught error would print a line of Pyodide's minified source: print the message only.
process.on("uncaughtException", (error) => {
  console.error(String(error?.stack ?? error).slice(0, 4000));
  process.exit(1);
});
process.on("unhandledRejection", (/** @type {any} */ error) => {
  console.error(String(error?.stack ?? error).slice(0, 4000));
  process.exit(1);
});

const options = JSON.parse(process.argv[2] ?? "{}");
for (const key of ["pyodide", "lock", "package", "scenarios", "out"]) {
  if (!options[key]) throw new Error(`pyodide_startup.mjs: missing "${key}" in ${process.argv[2]}`);
}
// Pyodide's own types: its module is imported from a path, which TypeScript cannot follow.
/** @typedef {import("pyodide").PyodideAPI} PyodideAPI */
/** @type {{loadPyodide: typeof import("pyodide").loadPyodide}} */
const { loadPyodide } = await import(pathToFileURL(join(resolve(options.pyodide), "pyodide.mjs")).href);
const scenarios = await readFile(options.scenarios, "utf8");
const out = resolve(options.out);
await mkdir(out, { recursive: true });

// Imported lazily by code paths the scenarios may not reach; small, so kept regardless.
const EXTRA_MODULES = [
  "encodings/ascii.py",
  "encodings/latin_1.py",
  "encodings/utf_8_sig.py",
  "traceback.py",
  "textwrap.py",
  "tokenize.py",
  "token.py",
];

/** Everything the engine is asked in the browser, for every scenario; JSON text out. */
const EXERCISE = `
import json
import checklist
import checklist.worker  # the worker's glue: in the snapshot with the engine

def _exercise(scenarios_json):
    out = {}
    for scenario in json.loads(scenarios_json):
        state = scenario["state"]
        result = checklist.evaluate(state)
        out[scenario["name"]] = {
            "evaluate": result,
            "migrate": checklist.migrate(state),
            "summary": [
                checklist.summary(result["state"], lang, mask=mask)
                for lang in ("zh", "en")
                for mask in (False, True)
            ],
            "check": checklist.check(state, "en"),
            "check_import": checklist.check_import(state, result["state"]),
        }
    out["catalogue"] = checklist.catalogue()
    out["new_state"] = checklist.new_state()
    return json.dumps(out, ensure_ascii=False, sort_keys=True)

_exercise
`;

const quiet = { stdout: () => {}, stderr: () => {} };

/**
 * A Pyodide with the engine's wheel installed from its lock file, as in the browser.
 * @param {import("pyodide").PyodideConfig} [extra]
 */
async function start(extra = {}) {
  const started = performance.now();
  const pyodide = await loadPyodide({
    indexURL: resolve(options.pyodide) + "/",
    lockFileURL: resolve(options.lock),
    ...quiet,
    ...extra,
  });
  /** @type {string[]} */
  const errors = [];
  await pyodide.loadPackage(options.package, {
    messageCallback: () => {},
    errorCallback: (message) => errors.push(message),
  });
  if (errors.length) throw new Error(errors.join("\n"));
  return { pyodide, ms: Math.round(performance.now() - started) };
}

/**
 * Run every scenario; also send one Python error across, as a failing call would.
 * @param {PyodideAPI} pyodide
 * @returns {string} the results as JSON text
 */
function exercise(pyodide) {
  const results = pyodide.runPython(EXERCISE)(scenarios);
  try {
    pyodide.runPython("raise ValueError('the error path')");
  } catch {
    // expected: converting the error imports what formatting a traceback needs
  }
  return results;
}

// 1. Record: the full standard library, everything the browser does, then sys.modules.
const full = await start();
const expected = exercise(full.pyodide);
const zipPath = full.pyodide.runPython(
  "import sys; f'/lib/python{sys.version_info[0]}{sys.version_info[1]}.zip'",
);
const recorded = JSON.parse(
  full.pyodide.runPython(`
import json, sys
prefix = ${JSON.stringify(zipPath + "/")}
files = set()
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None) or ""
    if path.startswith(prefix):
        files.add(path[len(prefix):])
json.dumps(sorted(files))
`),
);

// 2. Write both zips inside Pyodide: its own compiler makes bytecode for its own Python.
full.pyodide.FS.writeFile("/tmp/modules.json", JSON.stringify([...new Set([...recorded, ...EXTRA_MODULES])]));
const zipped = JSON.parse(
  full.pyodide.runPython(`
import ast, importlib.util, json, zipfile
from importlib._bootstrap_external import _code_to_hash_pyc


class _NoDocstrings(ast.NodeTransformer):
    """Drops docstrings, as python -OO does (__doc__ is then None)."""

    def _strip(self, node):
        self.generic_visit(node)
        first = node.body[0] if node.body else None
        if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant) and isinstance(first.value.value, str):
            node.body = node.body[1:] or [ast.Pass()]
        return node

    visit_Module = visit_ClassDef = visit_FunctionDef = visit_AsyncFunctionDef = _strip


def _lean(data):
    """The same code without comments, docstrings or layout: about half the bytes."""
    tree = ast.fix_missing_locations(_NoDocstrings().visit(ast.parse(data)))
    return ast.unparse(tree).encode() + bytes([10])


def _write(target, names, compiled):
    source = zipfile.ZipFile(${JSON.stringify(zipPath)})
    available = set(source.namelist())
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name in sorted(names):
            if name not in available:
                continue
            data = source.read(name)
            data = _lean(data)
            if compiled:
                code = compile(data, ${JSON.stringify(zipPath + "/")} + name, "exec", dont_inherit=True)
                # Unchecked hash-based pyc: valid without its source, no timestamps.
                data = bytes(_code_to_hash_pyc(code, importlib.util.source_hash(data), False))
                name = name[:-3] + ".pyc"
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return sorted(set(names) & available)

_names = json.load(open("/tmp/modules.json"))
_kept = _write("/tmp/stdlib-compiled.zip", _names, True)
_write("/tmp/stdlib-source.zip", _names, False)
json.dumps(_kept)
`),
);
for (const name of ["stdlib-compiled.zip", "stdlib-source.zip"]) {
  await writeFile(join(out, name), full.pyodide.FS.readFile(`/tmp/${name}`));
}

// 3. Check both trimmed libraries give the same results as the full one.
/** @type {Record<string, number>} */
const checks = {};
for (const variant of ["compiled", "source"]) {
  const run = await start({ stdLibURL: join(out, `stdlib-${variant}.zip`) });
  if (exercise(run.pyodide) !== expected) {
    throw new Error(`stdlib-${variant}.zip gives other results than the full standard library`);
  }
  checks[variant] = run.ms;
}

await writeFile(
  join(out, "report.json"),
  JSON.stringify(
    {
      modules: zipped,
      startMs: { full: full.ms, ...checks },
    },
    null,
    1,
  ),
);
