/**
 * The shapes every benchmark shares. A section (`sections/*.ts`) is one workload: its
 * input, the checks for each kind of output, its hand-written JS loops and npm peers, and
 * CPython's side (in `py/bench.py`). Our packages' rows come from `cases/*.ts` files
 * (README.md: "Adding our own cases") and from the guarded rows in `ours/*.ts`.
 */

/** What a case's timed function returns; the section checks it against the reference. */
export type Output = "tuples" | "columns" | "bytes" | "list" | "string" | "value";

/** Who wrote the code a row measures. */
export type Kind = "js" | "ours" | "peer" | "cpython";

/** A runnable row: `setup` is untimed and returns the timed function. */
export interface BenchCase<D = unknown> {
  readonly name: string;
  readonly kind: Kind;
  readonly output: Output;
  readonly setup: (data: D) => () => unknown;
}

/** A row that cannot run, and why (API not there yet, a peer without `q`/`Q`, …). */
export interface Unavailable {
  readonly name: string;
  readonly kind: Kind;
  readonly unavailable: string;
}

export type Row<D = unknown> = BenchCase<D> | Unavailable;

export function isUnavailable(row: Row<never>): row is Unavailable {
  return "unavailable" in row;
}

/**
 * A row contributed by a `cases/<package>-*.ts` file: a `BenchCase` naming its section.
 * `D` is that section's input type; a file mixing sections may leave it out.
 */
// biome-ignore lint/suspicious/noExplicitAny: the default lets one file hold several sections
export interface OursCase<D = any> {
  readonly section: string;
  readonly name: string;
  readonly output: Output;
  readonly setup: (data: D) => () => unknown;
}

/** Problem sizes: `full` is what the report shows, `quick` the CI smoke run. */
export type Scale = "full" | "quick";

export interface Section<D> {
  readonly id: string;
  /** Human title: `unpack <IHHd`. */
  readonly title: string;
  /** What one "op" is in the ns/op column: `record`, `byte`, `item`, `op`. */
  readonly unit: string;
  /** Build the input (seeded: same bytes every run). */
  make(scale: Scale): D;
  /** Ops per timed call (records, bytes, …). */
  items(data: D): number;
  /** Checks per output kind; a case whose output kind has no check cannot be added. */
  readonly checks: Partial<Record<Output, (out: unknown, data: D) => void>>;
  /** Hand-written JS rows (the first is the `× JS` reference), peers, guarded ours rows. */
  rows(data: D): Row<D>[];
  /** Files for CPython: the same bytes, plus what its checks expect. */
  pythonFiles(data: D): Record<string, Uint8Array | string>;
  /**
   * `"numpy"`: CPython's side is NumPy's (`py/bench_npy.py` under plain `python3`).
   * `"spawned"`: CPython's rows are among `rows` (whole processes the runner spawns and
   * times as it times the Node rows), and `py/bench.py` has no part in the section.
   */
  readonly python?: "numpy" | "spawned";
}

/** A failed check; the message names what differs. */
export function check(condition: boolean, message: () => string): asserts condition {
  if (!condition) throw new Error(`check failed: ${message()}`);
}
