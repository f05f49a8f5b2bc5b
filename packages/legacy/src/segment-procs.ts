/**
 * Finding an object's old-protocol procs (CPython 2's `ob_type->tp_as_buffer`), in this
 * order:
 *
 * 1. procs of its own under the `Symbol.for` keys of {@link SegmentExporter} (the
 *    buffer object, multi-segment exporters written for this package);
 * 2. a `Uint8Array` (JavaScript's `str`/`bytearray`): one segment over its bytes, with
 *    read, write and character access;
 * 3. any new-protocol exporter (`bf_getbuffer`): the single-segment bridge of
 *    `bridge.ts`, so everything that exports a buffer works here.
 *
 * Anything else has no procs (`null`), like an int or a list in Python 2.
 */
import { checkBuffer } from "@pybuffer/core";
import { bridgeProcs } from "./bridge.js";
import { checkSegment, checkSegmentZero, type Segment } from "./segment.js";
import {
  bf_getcharbuffer,
  bf_getreadbuffer,
  bf_getsegcount,
  bf_getwritebuffer,
  type SegmentProcs,
} from "./segment-protocol.js";

type Proc = (segment: number) => Segment;

/**
 * Whether `value` is a Uint8Array (also from another realm, Node's Buffer included).
 *
 * @example
 * isBytes(new Uint8Array(2)); // true
 * isBytes(new Int8Array(2)); // false
 */
export function isBytes(value: unknown): value is Uint8Array {
  return (
    value instanceof Uint8Array ||
    (ArrayBuffer.isView(value) && value.constructor?.name === "Uint8Array")
  );
}

function ownProc(obj: object, key: symbol, name: string): Proc | undefined {
  const proc = (obj as Record<symbol, unknown>)[key];
  if (typeof proc !== "function") return undefined;
  return (segment) => checkSegment(proc.call(obj, segment), name);
}

function ownSegcount(obj: object): (() => number) | undefined {
  const proc = (obj as Record<symbol, unknown>)[bf_getsegcount];
  if (typeof proc !== "function") return undefined;
  return () => {
    const count: unknown = proc.call(obj);
    if (typeof count !== "number" || !Number.isSafeInteger(count) || count < 0) {
      throw new TypeError("bf_getsegcount must return a non-negative integer");
    }
    return count;
  };
}

function bytesProcs(bytes: Uint8Array): SegmentProcs {
  const segment: Proc = (i) => {
    checkSegmentZero(i);
    return { memory: bytes.buffer, buf: bytes.byteOffset, len: bytes.length };
  };
  return { segcount: () => 1, read: segment, write: segment, char: segment };
}

/**
 * `(*pb->bf_getsegcount)(obj, NULL) == 1`, as CPython 2 tests it: a segment count that
 * fails counts as "not one" (the caller's own TypeError replaces its error, as
 * `PyErr_SetString` did in C).
 *
 * @example
 * hasOneSegment(segmentProcs(new Uint8Array(1))); // true
 */
export function hasOneSegment(procs: SegmentProcs | null): boolean {
  if (procs?.segcount === undefined) return false;
  try {
    return procs.segcount() === 1;
  } catch {
    return false;
  }
}

/**
 * The old-protocol procs of `obj`, or `null` when it exports no buffer at all.
 *
 * @example
 * segmentProcs(new Uint8Array([1, 2]))?.read?.(0).len; // 2
 * segmentProcs([1, 2]); // null
 */
export function segmentProcs(obj: unknown): SegmentProcs | null {
  if ((typeof obj !== "object" && typeof obj !== "function") || obj === null) return null;
  const segcount = ownSegcount(obj);
  const read = ownProc(obj, bf_getreadbuffer, "bf_getreadbuffer");
  const write = ownProc(obj, bf_getwritebuffer, "bf_getwritebuffer");
  const char = ownProc(obj, bf_getcharbuffer, "bf_getcharbuffer");
  if (segcount || read || write || char) return { segcount, read, write, char };
  if (isBytes(obj)) return bytesProcs(obj);
  if (checkBuffer(obj)) return bridgeProcs(obj);
  return null;
}
