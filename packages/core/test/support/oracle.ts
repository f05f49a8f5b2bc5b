/**
 * The oracle harness (internal/oracle), imported by path: core lists no internal
 * package among its dependencies.
 */
export {
  bytesToHex,
  describeWithPython,
  fuzzRuns,
  fuzzTimeout,
  hexToBytes,
  loadVectors,
} from "../../../../internal/oracle/src/index.js";
