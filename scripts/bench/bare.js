/**
 * The baseline page: loadPyodide() with the full standard library, on the main
 * thread, then one runPython(). It marks the body with data-verdict when Python
 * answered, the same signal the bench waits for on the checklist page.
 */
const { index, lock } = document.body.dataset;
const indexURL = new URL(index, location.href).href;
const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
const pyodide = await loadPyodide({ indexURL, lockFileURL: new URL(lock, location.href).href });
document.body.dataset.verdict = pyodide.runPython("'ready'");
