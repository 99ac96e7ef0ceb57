// Runs the checklist scenarios inside real Pyodide under Node, offline, and prints
// one line of JSON: {"runtime": {...}, "results": {...}}.
//
//   node tests/checklist/pyodide_runner.mjs <pyodide-lock.json> <package> <scenarios.json> <scenario_results.py>
//
// The engine is installed as the browser installs it: from the site's lock file,
// with loadPackage (which checks the wheel's sha256), no micropip and no CDN.
// scenario_results.py is the same code the CPython tests run, so test_pyodide.py
// can compare the two runtimes result by result.
import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadPyodide } from "pyodide";

const [lock, name, scenarios, helper] = process.argv.slice(2);
if (!helper) {
  console.error(
    "usage: node pyodide_runner.mjs <pyodide-lock.json> <package> <scenarios.json> <scenario_results.py>",
  );
  process.exit(2);
}

// Python's own output would mix with the JSON line: send it to stderr.
const py = await loadPyodide({
  lockFileURL: resolve(lock),
  stdout: (line) => console.error(line),
  stderr: (line) => console.error(line),
});
const errors = [];
await py.loadPackage(name, {
  messageCallback: () => {},
  errorCallback: (message) => errors.push(message),
});
if (errors.length) throw new Error(errors.join("\n"));
py.FS.mkdirTree("/tmp/runner");
py.FS.writeFile("/tmp/runner/scenario_results.py", await readFile(helper));
py.FS.writeFile("/tmp/runner/scenarios.json", await readFile(scenarios));

const output = py.runPython(`
import json, sys
sys.path.insert(0, "/tmp/runner")
import scenario_results
with open("/tmp/runner/scenarios.json", encoding="utf-8") as file:
    scenarios = json.load(file)
json.dumps({"runtime": scenario_results.runtime(), "results": scenario_results.results(scenarios)})
`);
process.stdout.write(output + "\n");
