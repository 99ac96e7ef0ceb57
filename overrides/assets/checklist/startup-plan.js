/**
 * How the checker starts, decided from what is known before anything big is
 * fetched. Pure functions, used by engine-worker.js.
 *
 * - "compiled": a normal start on the standard library the engine needs,
 *   precompiled to bytecode (1.4 MB).
 * - "source": the same modules as source (0.5 MB): slower to start, but
 *   fewer bytes for a slow or metered link.
 *
 * (A third way, restoring a memory snapshot, was dropped: 0.33 s faster on a
 * fast link for 4.6 MB more, which a slow link pays for with about 18 s; see
 * scripts/bench/PERFORMANCE.md.)
 */

import { savesData } from "../js/data-saver.js";

/**
 * Below this (bytes/s), start from source: the bytecode's extra 0.9 MB would
 * cost 1.8 s or more and the merchant's data allowance, for 1-2 s less CPU.
 */
export const SOURCE_MAX_THROUGHPUT = 500_000;

/**
 * What is already on the device: in Cache Storage, where the service worker
 * keeps the files a start used (never guessed from the HTTP cache).
 * @typedef {{runtime?: boolean, compiled?: boolean, source?: boolean}} Cached
 * @typedef {"compiled" | "source"} Plan
 */

/**
 * Which way to start, from what is on the device, the merchant's data-saver
 * setting, the connection type the browser reports, and the throughput the
 * page measured on its own files (engine.js).
 *
 * @param {{cached: Cached, saveData?: boolean, effectiveType?: string,
 *   throughput?: number | null}} facts
 * @returns {Plan}
 */
export function choosePlan({ cached, saveData, effectiveType, throughput }) {
  if (cached.compiled) return "compiled";
  if (cached.source) return "source";
  if (savesData({ saveData, effectiveType })) return "source";
  if (throughput != null && throughput < SOURCE_MAX_THROUGHPUT) return "source";
  return "compiled";
}

/**
 * The bytes a plan still has to download (on the wire, gzip), given what is
 * on the device: the runtime unless it is kept, and the plan's library unless
 * it is kept.
 * @param {Plan} plan
 * @param {Cached} cached
 * @param {{runtime: number, compiled: number, source: number, engine?: number}} bytes
 *   from startup.json (`engine`: the lock file and the wheel)
 */
export function bytesToDownload(plan, cached, bytes) {
  return (
    (cached.runtime ? 0 : bytes.runtime) +
    (cached[plan] ? 0 : bytes[plan] + (bytes.engine ?? 0))
  );
}
