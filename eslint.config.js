// ESLint, flat config: the site's browser modules, the checklist's worker,
// the build's Node script and the Node unit tests.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["site/**", "build/**", "node_modules/**", ".venv/**", "htmlcov/**"],
  },
  js.configs.recommended,
  {
    linterOptions: { reportUnusedDisableDirectives: "error" },
    rules: {
      eqeqeq: ["error", "always", { null: "ignore" }],
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { args: "after-used", caughtErrors: "none" }],
      "no-implicit-globals": "error",
      "no-shadow": ["error", { builtinGlobals: false }],
    },
  },
  {
    files: ["overrides/**/*.js", "scripts/bench/*.js"],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ["overrides/assets/checklist/engine-worker.js"],
    languageOptions: { globals: { ...globals.worker } },
  },
  {
    // The service worker's source (Workbox's injectManifest fills in its precache list).
    files: ["scripts/service-worker/sw.js"],
    languageOptions: { globals: { ...globals.serviceworker } },
  },
  {
    // Pure modules the Node tests import run in both.
    files: ["overrides/assets/checklist/pyodide-private.js"],
    languageOptions: { globals: { ...globals.browser, ...globals.worker, ...globals.node } },
  },
  {
    files: ["scripts/bench/measure.js", "overrides/partials/*.js"],
    languageOptions: { sourceType: "script" },
  },
  {
    files: ["**/*.mjs", "eslint.config.js", "tests/**/*.js"],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // Injected into pages by the cross-engine tests' server.
    files: ["tests/engines/console-recorder.js"],
    languageOptions: { sourceType: "script", globals: { ...globals.browser } },
  },
];
