// Runs the progress code's checks inside real Pyodide under Node, offline, with
// the engine's wheel installed, and prints one line of JSON: run(<input>) of
// progress_code_checks.py, the same code the CPython test runs.
//
//   node tests/checklist/progress_code_runner.mjs <wheel> <progress_code_checks.py> <states.json>
//
// Python's own output goes to stderr so that stdout holds only the JSON line.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [wheel, script, input] = process.argv.slice(2);
if (!input) {
  console.error("usage: node progress_code_runner.mjs <wheel> <progress_code_checks.py> <states.json>");
  process.exit(2);
}

const py = await loadPyodide({ stdout: (line) => console.error(line) });
py.unpackArchive(new Uint8Array(await readFile(wheel)), "wheel", {
  extractDir: "/lib/python3.14/site-packages",
});
py.FS.mkdirTree("/tmp/runner");
py.FS.writeFile("/tmp/runner/input.json", await readFile(input));
py.FS.writeFile("/tmp/runner/progress_code_checks.py", await readFile(script));
const output = py.runPython(`
import json, sys
sys.path.insert(0, "/tmp/runner")
import progress_code_checks
with open("/tmp/runner/input.json", encoding="utf-8") as file:
    states = json.load(file)
json.dumps(progress_code_checks.run(states), ensure_ascii=False)
`);
process.stdout.write(output + "\n");
