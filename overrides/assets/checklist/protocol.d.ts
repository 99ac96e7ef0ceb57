// The messages between the page (engine.js) and the checker's worker
// (engine-worker.js): written down once, here, and type-checked on both sides.
// Build-time only: theme_files.py keeps type declarations out of the site.

import type { Ops } from "../../../types/engine.js";

/** What the page measured about its connection before anything big is fetched. */
export interface Link {
  saveData?: boolean;
  effectiveType?: string;
  throughput?: number | null;
}

/** Page -> worker. */
export type ToWorker =
  /** Start Pyodide and install the engine's wheel (once). */
  | { type: "load"; runtimeURL: string; lockFileURL: string; package: string; link?: Link }
  /** `checklist.<op>(...args)`, answered by a "result" with the same id. */
  | { type: "call"; id: number; op: keyof Ops; args: unknown[] };

/** Worker -> page. */
export type FromWorker =
  /** How it starts ("full": no start-up manifest), and the bytes that downloads (null: unknown). */
  | { type: "plan"; plan: "compiled" | "source" | "full"; bytes: number | null }
  /** While the files arrive: the share received, and the downloads in flight (0 while Python starts). */
  | { type: "progress"; fraction: number; active: number }
  /** Python answers calls; `files`: the runtime files this start used. */
  | { type: "ready"; files?: string[] }
  /** The load failed; the page shows the checklist without the checker. */
  | { type: "failed"; message: string }
  /** The answer to a "call": ok with the op's JSON value, or not ok with why. */
  | { type: "result"; id: number; ok: boolean; value?: unknown; message?: string };
