/** Every section, in report order (perf-baseline's sections 1–5). */
import type { Section } from "../case.js";
import { copyContiguous, tobytesStep2, tobytesTranspose } from "./memory-copy.js";
import { equalsD, hex, tolistB, tolistD } from "./memory-items.js";
import { cast, sliceRelease } from "./memory-ops.js";
import { ndarrayWrap } from "./ndarray-wrap.js";
import { npyLoad, npyOpen1g, npySave } from "./npy.js";
import { packIHHd } from "./pack-ihhd.js";
import { pyodideReadD, pyodideWrap } from "./pyodide.js";
import { qqSections } from "./qq.js";
import { start } from "./start.js";
import { unpackIHHd } from "./unpack-ihhd.js";

// biome-ignore lint/suspicious/noExplicitAny: each section has its own input type
export const SECTIONS: Section<any>[] = [
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
  start,
];
