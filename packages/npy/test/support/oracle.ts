/**
 * The oracle harness (internal/oracle), imported by path, and the vector documents of
 * internal/oracle/gen/npy_*.py.
 */
import type { OracleError } from "../../../../internal/oracle/src/index.js";
import type { Descr } from "../../src/index.js";

export {
  describeWithPython,
  fuzzRuns,
  fuzzTimeout,
  isOracleError,
  loadVectors,
  type OracleError,
  type Outcome,
} from "../../../../internal/oracle/src/index.js";
export type { Descr };

/** A file np.save wrote, and what a view of it says. */
export interface FileCase {
  readonly name: string;
  readonly npy: Uint8Array;
  readonly descr: Descr;
  readonly shape: number[];
  readonly fortran_order: boolean;
  readonly format: string | OracleError;
  readonly itemsize: number;
}

/** A strided view NumPy saved through a copy, with the array it was cut from. */
export interface StridedCase {
  readonly name: string;
  readonly base: Uint8Array;
  readonly offset: number;
  readonly shape: number[];
  readonly strides: number[];
  readonly npy: Uint8Array;
}

/** The format NumPy exports for a descr in an array of `shape` (null: two items). */
export interface ExportCase {
  readonly descr: Descr;
  readonly shape: number[] | null;
  readonly format: string | OracleError;
  readonly itemsize: number;
}

/** The descr of the dtype NumPy makes of a format. */
export interface ImportCase {
  readonly format: string;
  readonly descr: Descr | OracleError;
}
