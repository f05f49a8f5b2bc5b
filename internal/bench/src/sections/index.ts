/** Every section, in report order (perf-baseline's sections 1–5 after `start`). */
import type { Section } from "../case.js";
import { copyContiguous, tobytesStep2, tobytesTranspose } from "./memory-copy.js";
import { equalsD, hex, tolistB, tolistD } from "./memory-items.js";
import { cast, sliceRelease } from "./memory-ops.js";
import { ndarrayWrap } from "./ndarray-wrap.js";
import { npyLoad, npyOpen1g, npySave } from "./npy.js";
import { packIHHd } from "./pack-ihhd.js";
import { pyodideReadD, pyodideWrap } from "./pyodide.js";
import { qqSections } from "./qq.js";
import { start, startNode22, startNode24 } from "./start.js";
import { unpackIHHd } from "./unpack-ihhd.js";

// biome-ignore lint/suspicious/noExplicitAny: each section has its own input type
export const SECTIONS: Section<any>[] = [
  // First, while the bench's own heap is small: spawning a child costs more from a large
  // parent process (measured: 82 -> 156 ms for `node -e 0` once the parent held 3M objects).
  start,
  startNode22,
  startNode24,
  unpackIHHd,
  packIHHd,
  ...qqSections,
  tobytesStep2,
  tobytesTranspose,
  tolistD,
  tolistB,
  sliceRelease,
  cast,
  hex,
  equalsD,
  copyContiguous,
  pyodideWrap,
  pyodideReadD,
  ndarrayWrap,
  npyLoad,
  npyOpen1g,
  npySave,
];
