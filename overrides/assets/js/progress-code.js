/**
 * The support page's progress-code box: an agent types the code a merchant
 * reads out, and the page shows, in its own language, where the merchant
 * stands. The code is decoded by the checklist's own engine (Pyodide in a
 * worker), started when the box is first focused; nothing leaves the browser.
 */

import { startEngine } from "../checklist/engine.js";
import { renderResult } from "./code-result.js";
import { siteConfig } from "./config.js";

/**
 * The engine's settings, from the JSON block the checklist_page hook renders.
 * @param {URL} root the site root
 */
function engineOptions(root) {
  const block = document.getElementById("progress-code-settings");
  const { pyodide } = JSON.parse(block?.textContent || "{}");
  return {
    runtimeURL: new URL(pyodide.runtime, root).href,
    lockFileURL: new URL(pyodide.lockFile, root).href,
    package: pyodide.package,
    timeoutMs: pyodide.timeoutMs,
  };
}

export function startCodeBox() {
  const box = document.getElementById("progress-code");
  const form = /** @type {HTMLFormElement | null} */ (document.getElementById("progress-code-form"));
  if (!box || !form || box.dataset.started) return;
  box.dataset.started = "true";
  delete box.dataset.waiting; // shown: its room was kept (links.css)
  const config = siteConfig();
  const { strings } = config;
  const input = /** @type {HTMLInputElement} */ (form.elements.namedItem("progress_code"));
  const status = /** @type {HTMLElement} */ (document.getElementById("progress-code-status"));
  const error = /** @type {HTMLElement} */ (document.getElementById("progress-code-error"));
  const result = /** @type {HTMLElement} */ (document.getElementById("progress-code-result"));
  /** @type {import("../checklist/engine.js").Engine | null} */
  let engine = null;
  let latest = 0;

  const load = () => {
    if (engine) return engine;
    status.textContent = strings.code_loading;
    engine = startEngine(engineOptions(config.root));
    engine.ready.then(
      () => {
        if (status.textContent === strings.code_loading) status.textContent = "";
      },
      () => {},
    );
    return engine;
  };
  /** @param {string} message @param {string} code */
  const fail = (message, code) => {
    status.textContent = "";
    error.textContent = message;
    error.dataset.codeError = code;
    error.hidden = false;
  };
  const clear = () => {
    result.replaceChildren();
    result.hidden = true;
    error.textContent = "";
    delete error.dataset.codeError;
    error.hidden = true;
  };

  input.addEventListener("focus", load, { once: true });
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const asked = ++latest;
    clear();
    const running = load();
    try {
      const decoded = await running.call("decode_progress", input.value);
      if (asked !== latest) return;
      if (!decoded.state) {
        const problem = decoded.problems[0];
        fail(problem.message[config.lang] ?? problem.message.zh, problem.code);
        return;
      }
      const checked = await running.call("check", decoded.state, config.lang, false);
      if (asked !== latest) return;
      status.textContent = "";
      result.append(renderResult(checked.summary, config));
      result.hidden = false;
    } catch {
      if (asked === latest) fail(strings.code_failed, "engine");
    }
  });
}
