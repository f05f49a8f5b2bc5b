/**
 * `NpyArray`: the exporter `loadNpy` returns, over the `.npy` file's own bytes (no copy):
 * core's `LayoutExporter` with the layout the header gives (format from the descr, shape,
 * C or Fortran strides), plus the header itself.
 */
import {
  type BufferView,
  LayoutExporter,
  type Memory,
  releaseBuffer,
  type VerifiedLayout,
} from "@pybuffer/core";
import { tp_name } from "@pybuffer/struct";
import type { Descr } from "./dtype.js";
import { descrRepr } from "./dtype-strings.js";
import type { NpyHeader } from "./header.js";
import { PyTuple, pyRepr } from "./py-literal.js";

/** @internal What an NpyArray is built from (loadNpy's checked results). */
export interface NpyArrayInit {
  readonly memory: Memory;
  readonly buf: number;
  readonly layout: VerifiedLayout;
  readonly readonly: boolean;
  readonly header: NpyHeader;
  /** The view of the exporter the bytes came from, held until `release()`. */
  readonly source: BufferView | null;
}

/**
 * A NumPy array read from a `.npy` file: an exporter (`getBuffer`, `memoryview`) of the
 * file's data in place, with the header's `descr`, `shape` and `fortranOrder`, and the
 * PEP 3118 `format` its views have.
 *
 * @example
 * const array = loadNpy(bytes);
 * array.shape; // [2, 3]
 * array.format; // "d"
 */
export class NpyArray extends LayoutExporter {
  static {
    Object.defineProperty(NpyArray.prototype, tp_name, { value: "ndarray", configurable: true });
    Object.defineProperty(NpyArray.prototype, Symbol.for("nodejs.util.inspect.custom"), {
      value(this: NpyArray): string {
        return this.toString();
      },
      writable: true,
      configurable: true,
    });
  }

  /** The header as read. */
  readonly header: NpyHeader;
  /** struct format of one item (what views of this array carry). */
  readonly format: string;
  /** Bytes per item. */
  readonly itemsize: number;
  /** The data's memory and the byte offset of its first item there. */
  readonly memory: Memory;
  /** Byte offset of the first item in {@link NpyArray.memory}. */
  readonly offset: number;
  /** Whether writable requests are refused. */
  readonly readonly: boolean;
  #source: BufferView | null;

  /** @internal Made by loadNpy. */
  constructor(init: NpyArrayInit) {
    super(init.memory, init.buf, init.layout, init.readonly, "NpyArray");
    this.header = init.header;
    this.format = init.layout.format;
    this.itemsize = init.layout.itemsize;
    this.memory = init.memory;
    this.offset = init.buf;
    this.readonly = init.readonly;
    this.#source = init.source;
  }

  /** The dtype descr from the header. @example array.descr; // "<f8" */
  get descr(): Descr {
    return this.header.descr;
  }
  /** Items per dimension (a copy). @example array.shape; // [2, 3] */
  get shape(): number[] {
    return this.header.shape.slice();
  }
  /** Whether the data is in Fortran order. @example array.fortranOrder; // false */
  get fortranOrder(): boolean {
    return this.header.fortranOrder;
  }
  /** Number of dimensions. @example array.ndim; // 2 */
  get ndim(): number {
    return this.header.shape.length;
  }
  /** product(shape) * itemsize. @example array.nbytes; // 48 */
  get nbytes(): number {
    return this.header.shape.reduce((a, b) => a * b, this.itemsize);
  }

  /**
   * Gives back the view of the exporter the file was read from (loadNpy on an exporter
   * holds one, as `np.frombuffer` does); a no-op for bytes and ArrayBuffers.
   *
   * @example
   * array.release();
   */
  release(): void {
    const source = this.#source;
    this.#source = null;
    if (source !== null) releaseBuffer(source);
  }

  /** `NpyArray(shape=(2, 3), descr='<f8', fortran_order=False)`. @example String(array); */
  override toString(): string {
    const shape = pyRepr(PyTuple.of2(this.header.shape.slice()));
    const descr = descrRepr(this.header.descr);
    return `NpyArray(shape=${shape}, descr=${descr}, fortran_order=${this.fortranOrder ? "True" : "False"})`;
  }
}
