// Times the engine inside Pyodide under Node, for scripts/bench.py:
//
//   node evaluate.mjs <the site's pyodide-lock.json> <scenarios.json>
//
// Loads the site's own Pyodide, standard library and wheel (through its lock file, as the
// browser does), then for every scenario's state times evaluate() alone (inside Python)
// and the call the page makes on each change (evaluate + summary, JSON text in and out,
// timed from JavaScript). Prints one line of JSON with the samples in microseconds.
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { pathToFileURL } from "node:url";

const [lock, scenariosFile] = process.argv.slice(2);
const runtime = dirname(dirname(lock)) + "/";
const startup = JSON.parse(await readFile(join(dirname(lock), "startup.json"), "utf8").catch(() => "null"));
const { loadPyodide } = await import(pathToFileURL(join(runtime, "pyodide.mjs")).href);
const pyodide = await loadPyodide({
  indexURL: runtime,
  lockFileURL: lock,
  ...(startup ? { stdLibURL: join(dirname(lock), startup.stdlib.compiled) } : {}),
  stdout: () => {},
  stderr: () => {},
});
const [name] = Object.keys(JSON.parse(await readFile(lock, "utf8")).packages);
await pyodide.loadPackage(name, { messageCallback: () => {} });

const REPEAT = 30;
const states = JSON.parse(await readFile(scenariosFile, "utf8")).map((scenario) => scenario.state);
const evaluate = JSON.parse(
  pyodide.runPython(`
import json, time
import checklist

def _time(states_json, repeat):
    samples = []
    for state in json.loads(states_json):
        checklist.evaluate(state)  # warm
        for _ in range(repeat):
            start = time.perf_counter_ns()
            checklist.evaluate(state)
            samples.append((time.perf_counter_ns() - start) / 1000)
    return json.dumps(samples)

_time
`)(JSON.stringify(states), REPEAT),
);
const call = pyodide.runPython(`
import json
import checklist

def _check(args_json):
    state, lang, mask = json.loads(args_json)
    result = checklist.evaluate(state)
    return json.dumps({"evaluation": result,
                       "summary": checklist.summary(result["state"], lang, mask=mask)},
                      ensure_ascii=False)

_check
`);
const check = [];
for (const state of states) {
  JSON.parse(call(JSON.stringify([state, "zh", false])));
  for (let i = 0; i < REPEAT; i++) {
    const start = performance.now();
    JSON.parse(call(JSON.stringify([state, "zh", false])));
    check.push((performance.now() - start) * 1000);
  }
}
process.stdout.write(JSON.stringify({ states: states.length, repeat: REPEAT, evaluate, check }) + "\n");
