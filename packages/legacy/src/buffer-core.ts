/**
 * The data of Python 2's buffer object (`PyBufferObject`, Objects/bufferobject.c) and
 * its buffer slots: a window of `b_size` bytes at `b_offset` into a base object's
 * buffer, or over raw memory.
 *
 * The window is resolved again on every access (`get_buf`): the base is asked for its
 * one segment and the offset and size are clipped to what it has now, so a base that
 * grew or shrank is seen as it is, and an offset past its end gives an empty buffer.
 * The Python-level operations (`buffer-object.ts` and the modules it calls) reach the
 * bytes only through {@link BufferCore._region}.
 */
import { type BufferView, bf_getbuffer, fillInfo, type Memory } from "@pybuffer/core";
import { checkInside, checkSegmentZero, type Segment } from "./segment.js";
import { hasOneSegment, segmentProcs } from "./segment-procs.js";
import {
  bf_getcharbuffer,
  bf_getreadbuffer,
  bf_getsegcount,
  bf_getwritebuffer,
} from "./segment-protocol.js";

/**
 * Kind of access asked of the base (`enum buffer_t`); `any` follows `readonly`.
 *
 * @example
 * b._region("any"); // read access for a read-only buffer, write access otherwise
 */
export type Access = "read" | "write" | "char" | "any";

/**
 * What a buffer object is made of (the C struct's fields). @internal
 *
 * @example
 * const init: BufferInit = { base, memory: null, ptr: 0, size: -1n, offset: 2n, readonly: true, owned: false };
 */
export interface BufferInit {
  /** `b_base`: the object whose buffer is viewed, or `null` for raw memory. */
  readonly base: object | null;
  /** The backing store when `base` is `null` (`b_ptr` = memory + ptr). */
  readonly memory: Memory | null;
  /** Byte offset in `memory` (memory-based buffers). */
  readonly ptr: number;
  /** `b_size`, exactly; -1 is `Py_END_OF_BUFFER`. */
  readonly size: bigint;
  /** `b_offset`, exactly. */
  readonly offset: bigint;
  /** `b_readonly`. */
  readonly readonly: boolean;
  /** Whether `memory` was allocated inline by `PyBuffer_New` (repr prints self + 64). */
  readonly owned: boolean;
}

/** Past every memory: offsets and sizes beyond it behave the same in every comparison. */
const FAR = 2 ** 53;

function clampToNumber(n: bigint): number {
  return n > BigInt(FAR) ? FAR : Number(n);
}

/**
 * The buffer slots of a buffer object (old segment procs and `bf_getbuffer`). Methods
 * under symbol keys are declared here and installed by the class's static block:
 * isolatedDeclarations cannot emit computed method names of a class.
 *
 * @example
 * buffer(bytes("abc"))[bf_getreadbuffer](0).len; // 3
 */
export interface BufferCore {
  /** `bf_getsegcount`: always one segment (after checking the base still has one). */
  [bf_getsegcount](): number;
  /** `bf_getreadbuffer`: segment 0 for reading. */
  [bf_getreadbuffer](segment: number): Segment;
  /** `bf_getwritebuffer`: segment 0 for writing; `TypeError` on a read-only buffer. */
  [bf_getwritebuffer](segment: number): Segment;
  /** `bf_getcharbuffer`: segment 0 as characters. */
  [bf_getcharbuffer](segment: number): Segment;
  /** `bf_getbuffer` (2.6+): `PyBuffer_FillInfo` over the current bytes. */
  [bf_getbuffer](flags: number): BufferView;
}

/**
 * The fields and buffer slots of a buffer object; {@link BufferObject} adds the Python
 * API. Not exported from the package.
 *
 * @example
 * class BufferObject extends BufferCore { ... }
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the static block installs the symbol methods
export class BufferCore {
  static {
    const method = (value: (this: BufferCore, arg: number) => unknown) => ({
      value,
      writable: true,
      configurable: true,
    });
    Object.defineProperties(BufferCore.prototype, {
      [bf_getsegcount]: method(function (this: BufferCore) {
        this._region("any");
        return 1;
      }),
      [bf_getreadbuffer]: method(function (this: BufferCore, segment: number) {
        checkSegmentZero(segment);
        return this._region("read");
      }),
      [bf_getwritebuffer]: method(function (this: BufferCore, segment: number) {
        if (this.readonly) throw new TypeError("buffer is read-only");
        checkSegmentZero(segment);
        return this._region("write");
      }),
      [bf_getcharbuffer]: method(function (this: BufferCore, segment: number) {
        checkSegmentZero(segment);
        return this._region("char");
      }),
      [bf_getbuffer]: method(function (this: BufferCore, flags: number) {
        const region = this._region("any");
        return fillInfo(this, region.memory, region.buf, region.len, this.readonly, flags);
      }),
    });
  }

  /** @internal */ readonly _base: object | null;
  /** @internal */ readonly _memory: Memory | null;
  /** @internal */ readonly _ptr: number;
  /** @internal `b_size` exactly (repr prints it). */ readonly _size: bigint;
  /** @internal `b_offset` exactly. */ readonly _offset: bigint;
  /** @internal */ readonly _owned: boolean;
  /** @internal Cached hash (`b_hash`); `undefined` while unset. */ _hash: bigint | undefined;
  readonly #size: number;
  readonly #offset: number;
  readonly #readonly: boolean;

  /** @internal */
  constructor(init: BufferInit) {
    this._base = init.base;
    this._memory = init.memory;
    this._ptr = init.ptr;
    this._size = init.size;
    this._offset = init.offset;
    this.#size = clampToNumber(init.size);
    this.#offset = clampToNumber(init.offset);
    this.#readonly = init.readonly;
    this._owned = init.owned;
    this._hash = undefined;
  }

  /**
   * Whether the buffer refuses writes (`b_readonly`). Python shows it only in repr.
   *
   * @example
   * buffer(bytes("a")).readonly; // true
   */
  get readonly(): boolean {
    return this.#readonly;
  }

  /**
   * `get_buf(self, &ptr, &size, buffer_type)`: the bytes this buffer covers right now.
   * Errors are the base's, or `TypeError` for a base that no longer has one segment or
   * lacks the proc for this access. @internal
   */
  _region(access: Access): Segment {
    const memory = this._memory;
    if (this._base === null) {
      if (memory === null) throw new TypeError("buffer object has neither base nor memory");
      checkInside(memory, this._ptr, this._ptr + this.#size);
      return { memory, buf: this._ptr, len: this.#size };
    }
    const procs = segmentProcs(this._base);
    if (procs === null || !hasOneSegment(procs)) {
      throw new TypeError("single-segment buffer object expected");
    }
    const readonly = this.#readonly;
    const proc =
      access === "read" || (access === "any" && readonly)
        ? procs.read
        : access === "char"
          ? procs.char
          : procs.write;
    if (proc === undefined) {
      const name = access === "any" ? "no" : access;
      throw new TypeError(`${name} buffer type not available`);
    }
    const segment = proc(0);
    const count = segment.len;
    const offset = Math.min(this.#offset, count);
    let size = this._size === -1n ? count : this.#size;
    if (offset + size > count) size = count - offset;
    return { memory: segment.memory, buf: segment.buf + offset, len: size };
  }
}
