export { LivePython } from "./live.js";
export { LivePyodide } from "./pyodide.js";
export { findPython, type PythonCommand, type PythonKind, requirePython } from "./python.js";
export { describeWithPython, fuzzRuns, fuzzTimeout } from "./testing.js";
export {
  bytesToHex,
  encodeForPython,
  floatBits,
  hexToBytes,
  isOracleError,
  type OracleError,
  type Outcome,
  parseOracle,
  reviveOracle,
} from "./values.js";
export { loadVectors, VECTORS_DIR } from "./vectors.js";
