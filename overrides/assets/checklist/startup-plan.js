/**
 * How the checker starts, decided from what is known before anything big is
 * fetched. Pure functions, used by engine-worker.js.
 *
 * - "snapshot": a memory snapshot of a Pyodide that already imported the
 *   engine (about 5 MB gzipped, so only on a fast link or when the browser
 *   has it cached), restored instead of starting Python: about 1 s.
 * - "compiled": a normal start on the standard library the engine needs,
 *   precompiled to bytecode (1.6 MB).
 * - "source": the same modules as source (0.85 MB): slower to start, but
 *   fewer bytes for a slow or metered link.
 */

/**
 * Above this measured throughput (bytes/s, the best of the page's own files)
 * the snapshot is worth its bytes: its ~5 MB then cost a couple of seconds at
 * most on the real link (small files underestimate it), and it saves 2-3 s of
 * start-up on a fast computer, more on a phone.
 */
export const SNAPSHOT_MIN_THROUGHPUT = 2_000_000;
/**
 * Below this (bytes/s), start from source: the bytecode's extra 0.75 MB would
 * cost 1.5 s or more and the merchant's data allowance, for 2-4 s less CPU.
 */
export const SOURCE_MAX_THROUGHPUT = 500_000;

/**
 * @typedef {{snapshot?: boolean, compiled?: boolean, source?: boolean}} Cached
 * @typedef {"snapshot" | "compiled" | "source"} Plan
 */

/**
 * Which way to start, from what the browser already has cached, the
 * merchant's data-saver setting, the connection type the browser reports,
 * and the throughput the page measured on its own files (engine.js).
 *
 * @param {{cached: Cached, saveData?: boolean, effectiveType?: string,
 *   throughput?: number | null}} facts
 * @returns {Plan}
 */
export function choosePlan({ cached, saveData, effectiveType, throughput }) {
  if (cached.snapshot) return "snapshot";
  if (saveData || effectiveType === "slow-2g" || effectiveType === "2g") return "source";
  if (throughput == null) return cached.source && !cached.compiled ? "source" : "compiled";
  if (throughput >= SNAPSHOT_MIN_THROUGHPUT) return "snapshot";
  if (throughput < SOURCE_MAX_THROUGHPUT) return "source";
  return "compiled";
}

/**
 * The bytes a plan still has to download, given what is cached: the runtime
 * and its library unless that library is cached, plus the snapshot when it
 * is used and not cached.
 * @param {Plan} plan
 * @param {Cached} cached
 * @param {{runtime: number, compiled: number, source: number, snapshot: number}} bytes
 *   from startup.json
 */
export function bytesToDownload(plan, cached, bytes) {
  const library = plan === "source" ? "source" : "compiled";
  return (
    (cached[library] ? 0 : bytes.runtime + bytes[library]) +
    (plan === "snapshot" && !cached.snapshot ? bytes.snapshot : 0)
  );
}
