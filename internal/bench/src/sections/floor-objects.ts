/**
 * The objects of the slice-release section's floor rows: plain classes with the fields
 * CPython's structures hold (`Py_buffer`, the managed buffer, a memoryview, an exporter),
 * made and dropped with no checks at all, to show how much of a row's time allocation
 * alone takes.
 */
/** A `Py_buffer`: the fields a view holds. */
export class FloorLayout {
  readonly obj: object | null = null;
  readonly memory: ArrayBuffer;
  readonly buf: number;
  readonly len: number;
  readonly readonly = true;
  readonly itemsize = 1;
  readonly format = "B";
  readonly ndim = 1;
  readonly shape: number[];
  readonly strides: number[];
  readonly suboffsets = null;
  readonly abi = "lp64";
  readonly internal = null;
  constructor(memory: ArrayBuffer, buf: number, shape: number[], strides: number[]) {
    this.memory = memory;
    this.buf = buf;
    this.len = shape[0]!;
    this.shape = shape;
    this.strides = strides;
  }
}
export class FloorExporter {
  readonly source: Uint8Array;
  readonly memory: ArrayBuffer;
  readonly base: number;
  readonly shape: number[];
  exports = 0;
  constructor(source: Uint8Array<ArrayBuffer>, offset: number, shape: number[]) {
    this.source = source;
    this.memory = source.buffer;
    this.base = source.byteOffset + offset;
    this.shape = shape;
  }
}
export class FloorManaged {
  readonly master: FloorLayout;
  exports = 0;
  released = false;
  constructor(master: FloorLayout) {
    this.master = master;
  }
}
export class FloorView {
  readonly mbuf: FloorManaged;
  readonly layout: FloorLayout;
  flags = 0;
  exports = 0;
  hash = null;
  constructor(mbuf: FloorManaged, layout: FloorLayout) {
    this.mbuf = mbuf;
    this.layout = layout;
    mbuf.exports++;
  }
  release(): void {
    this.flags |= 8;
    if (--this.mbuf.exports === 0) this.mbuf.released = true;
  }
}
