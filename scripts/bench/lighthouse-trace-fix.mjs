// A module-loading hook for Lighthouse, registered by scripts/bench/lighthouse.py
// (`node --import` of a line that calls `module.register` with this file).
//
// Lighthouse 12.2.3's trace engine (@paulirish/trace_engine 0.0.32) reads
// `chrome_frame_reporter.frame_sequence` from every PipelineReporter event of
// the trace; Chromium 156 writes some without it, and the engine throws
// "Cannot read properties of undefined (reading 'frame_sequence')". That breaks
// the RootCauses gatherer, hence the audits `layout-shifts` (the layout shifts'
// sources), `largest-contentful-paint-element`, `render-blocking-resources`
// and three more. The engine uses that number only to move screenshots to the
// moment they were shown, and already falls back to the screenshot's own time
// when it finds none, so events without it are skipped here. Only that one
// expression of that one file changes; when it is not there (another version),
// nothing changes and a line on stderr says so.

const FILE = "/@paulirish/trace_engine/models/trace/handlers/ScreenshotsHandler.js";
const READ = "evt.args.data.beginEvent.args.chrome_frame_reporter.frame_sequence";
const MAP = "pipelineReporterEvents.map(evt => {";
const KEEP = `pipelineReporterEvents.filter(evt => evt.args.data.beginEvent.args.chrome_frame_reporter).map(evt => {`;

/**
 * @param {string} url
 * @param {object} context
 * @param {Function} nextLoad
 */
export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (!url.endsWith(FILE)) return result;
  const source = String(result.source);
  if (!source.includes(READ) || !source.includes(MAP)) {
    process.stderr.write(`lighthouse-trace-fix: ${FILE} is not the expected version; unchanged\n`);
    return result;
  }
  return { ...result, source: source.replace(MAP, KEEP) };
}
