/**
 * The oracle harness (internal/oracle), imported by path: `@pybuffer/struct` is layer 0
 * and lists no internal package among its dependencies.
 */
export {
  bytesToHex,
  describeWithPython,
  floatBits,
  hexToBytes,
  isOracleError,
  LivePyodide,
  LivePython,
  loadVectors,
  type Outcome,
} from "../../../../internal/oracle/src/index.js";
