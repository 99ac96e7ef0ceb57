// Loaded first in every page by the cross-engine tests' server (tests/throttled_server.py):
// records what a browser's console would show as an error or a warning, for drivers that
// cannot read the console (WebKitGTK's WebDriver).
(() => {
  const problems = [];
  window.__problems = problems;
  const text = (args) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(" ");
  for (const level of ["error", "warn"]) {
    const original = console[level].bind(console);
    console[level] = (...args) => {
      problems.push(`${level}: ${text(args)}`);
      original(...args);
    };
  }
  window.addEventListener(
    "error",
    (event) => {
      const target = /** @type {any} */ (event.target);
      if (target && target !== window) {
        problems.push(`failed to load: <${target.tagName}> ${target.src || target.href || ""}`);
      } else {
        problems.push(`error: ${event.message} (${event.filename}:${event.lineno})`);
      }
    },
    true,
  );
  window.addEventListener("unhandledrejection", (event) => {
    problems.push(`unhandled rejection: ${String(event.reason)}`);
  });
  document.addEventListener("securitypolicyviolation", (event) => {
    problems.push(`CSP: ${event.violatedDirective} ${event.blockedURI}`);
  });
})();
