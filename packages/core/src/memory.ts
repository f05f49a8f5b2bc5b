/**
 * The backing store of a view: what counts as memory, and the bounds check every
 * operation makes before it touches bytes. An ArrayBuffer can be detached
 * (`structuredClone(ab, { transfer: [ab] })`, a `WebAssembly.Memory` that grew) or
 * shrunk (resizable buffers) at any time, so nothing here is cached: each call reads
 * the live `byteLength`.
 */
import { ValueError } from "@pybuffer/struct";
import { pythonTypeName } from "./type-name.js";
import type { Memory } from "./view.js";

const detachedGetter = Object.getOwnPropertyDescriptor(ArrayBuffer.prototype, "detached")?.get;
const objectTag = Object.prototype.toString;

type Getter = (this: unknown) => unknown;

function byteLengthGetter(proto: object): Getter | undefined {
  return Object.getOwnPropertyDescriptor(proto, "byteLength")?.get as Getter | undefined;
}

const arrayBufferLength = byteLengthGetter(ArrayBuffer.prototype) as Getter;
/** SharedArrayBuffer's `byteLength` getter; `null` until looked up, `undefined` if none. */
let sharedLength: Getter | undefined | null =
  typeof SharedArrayBuffer === "function" ? byteLengthGetter(SharedArrayBuffer.prototype) : null;

/**
 * SharedArrayBuffer's `byteLength` getter. A page that is not cross-origin isolated has no
 * `SharedArrayBuffer` global; a shared WebAssembly memory, where one can be made, still
 * shows its prototype. Where neither exists, no SharedArrayBuffer can reach this realm.
 */
function sharedByteLength(): Getter | undefined {
  if (sharedLength === null) {
    sharedLength = undefined;
    const wasm = (globalThis as { WebAssembly?: { Memory: new (d: object) => { buffer: object } } })
      .WebAssembly;
    try {
      const probe = wasm && new wasm.Memory({ initial: 0, maximum: 0, shared: true }).buffer;
      if (probe !== undefined) sharedLength = byteLengthGetter(Object.getPrototypeOf(probe));
    } catch {
      // No shared memory in this realm.
    }
  }
  return sharedLength;
}

/**
 * Whether the platform's own `byteLength` getter accepts `value`: only a real buffer of
 * that kind has the internal slot it reads. A Proxy around one, an object made from its
 * prototype or one with a forged `Symbol.toStringTag` make it throw.
 */
function hasBufferSlot(byteLength: Getter, value: unknown): boolean {
  try {
    byteLength.call(value);
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether `value` can be a view's `memory`: an ArrayBuffer or a SharedArrayBuffer, from
 * any realm (a `WebAssembly.Memory`'s `buffer` is one of them). The test is the
 * platform's own (see `hasBufferSlot`): an object that only looks like a buffer (a
 * forged `Symbol.toStringTag`, a Proxy) would make every view over it read as empty.
 *
 * @example
 * isMemory(new ArrayBuffer(8)); // true
 * isMemory(new Uint8Array(8)); // false: pass its .buffer
 * isMemory({ [Symbol.toStringTag]: "ArrayBuffer", byteLength: 8 }); // false
 */
export function isMemory(value: unknown): value is Memory {
  // `instanceof` first: it spares the tag lookup for this realm's ArrayBuffers.
  const tag = value instanceof ArrayBuffer ? "[object ArrayBuffer]" : objectTag.call(value);
  if (tag === "[object ArrayBuffer]") return hasBufferSlot(arrayBufferLength, value);
  if (tag !== "[object SharedArrayBuffer]") return false;
  const byteLength = sharedByteLength();
  return byteLength !== undefined && hasBufferSlot(byteLength, value);
}

/**
 * Whether `memory` is a detached ArrayBuffer. Uses `ArrayBuffer.prototype.detached`
 * where the engine has it; elsewhere (Node 20) an ArrayBuffer of `byteLength` 0 is
 * probed with `new Uint8Array(memory)`, which throws only when it is detached, so a
 * legitimate `new ArrayBuffer(0)` is not mistaken for one. A SharedArrayBuffer is never
 * detached.
 *
 * @example
 * const ab = new ArrayBuffer(4);
 * structuredClone(ab, { transfer: [ab] });
 * isDetached(ab); // true
 * isDetached(new ArrayBuffer(0)); // false
 */
export function isDetached(memory: Memory): boolean {
  if (typeof memory !== "object" || memory === null) {
    throw new TypeError(
      `isDetached() argument must be an ArrayBuffer or SharedArrayBuffer, not '${pythonTypeName(memory)}'`,
    );
  }
  if (memory.byteLength !== 0) return false;
  if (objectTag.call(memory) !== "[object ArrayBuffer]") return false;
  if (detachedGetter !== undefined) return detachedGetter.call(memory) as boolean;
  try {
    new Uint8Array(memory);
    return false;
  } catch {
    return true;
  }
}

/**
 * Throws unless bytes `[lo, hi)` lie inside `memory` as it is now. An empty range
 * needs nothing, except that a memory the engine reports detached is refused
 * anyway (NaN bounds are never empty). Errors are `ValueError`s that say what went
 * wrong, and a `TypeError` naming the argument for a `memory` that is not an
 * ArrayBuffer or SharedArrayBuffer or bounds that are not numbers.
 *
 * @example
 * checkRange(new ArrayBuffer(8), 0, 8); // fine
 * checkRange(new ArrayBuffer(8), 4, 12); // ValueError: ... outside its memory of 8 bytes
 * checkRange(null, 0, 0); // TypeError: checkRange() argument 'memory' must be ...
 */
export function checkRange(memory: Memory, lo: number, hi: number): void {
  if (typeof lo !== "number") throw argumentError("checkRange", "lo", "a number", lo);
  if (typeof hi !== "number") throw argumentError("checkRange", "hi", "a number", hi);
  const size = byteLengthOf(memory, "checkRange");
  if (!(hi <= lo)) {
    if (lo >= 0 && hi <= size) return;
    if (size === 0 && isDetached(memory)) throw detachedError();
    throw outsideMemoryError(lo, hi, size);
  }
  if (size === 0 && isDetached(memory)) throw detachedError();
}

/**
 * The `byteLength` of `memory`, which must be an ArrayBuffer or SharedArrayBuffer (the
 * common case, this realm's ArrayBuffer, costs one `instanceof`), else the `TypeError`
 * of function `fn`.
 *
 * @example
 * byteLengthOf(new ArrayBuffer(8), "readPointer"); // 8
 */
export function byteLengthOf(memory: unknown, fn: string): number {
  let size: unknown;
  try {
    size = (memory as Memory).byteLength;
  } catch {
    size = undefined;
  }
  if (typeof size !== "number" || !(memory instanceof ArrayBuffer || isMemory(memory))) {
    throw argumentError(fn, "memory", "an ArrayBuffer or SharedArrayBuffer", memory);
  }
  return size;
}

/**
 * The argument checks of whatever places items at byte `buf` of `memory` (fillInfo,
 * layoutView, LayoutExporter): `TypeError("<what> memory must be …")` or
 * `TypeError("<what> buf must be a non-negative integer")`.
 *
 * @example
 * checkPlacementArguments("fillInfo()", new ArrayBuffer(4), 0); // fine
 */
export function checkPlacementArguments(what: string, memory: unknown, buf: unknown): void {
  if (!isMemory(memory)) {
    throw new TypeError(
      `${what} memory must be an ArrayBuffer or SharedArrayBuffer, not '${pythonTypeName(memory)}'`,
    );
  }
  if (!Number.isSafeInteger(buf) || (buf as number) < 0) {
    throw new TypeError(`${what} buf must be a non-negative integer`);
  }
}

/**
 * The `TypeError` for argument `name` of function `fn`, which must be `what`.
 *
 * @example
 * argumentError("checkRange", "lo", "a number", Symbol()); // checkRange() argument 'lo' must be a number, not 'symbol'
 */
export function argumentError(fn: string, name: string, what: string, value: unknown): TypeError {
  return new TypeError(
    `${fn}() argument '${name}' must be ${what}, not '${pythonTypeName(value)}'`,
  );
}

/**
 * The error for bytes `[lo, hi)` that lie outside a memory of `size` bytes
 * ({@link checkRange}'s, for callers that check bounds their own way, e.g. in bigints).
 *
 * @example
 * throw outsideMemoryError(4, 12, 8); // ValueError: buffer layout reaches bytes 4 to 12 outside its memory of 8 bytes
 */
export function outsideMemoryError(
  lo: number | bigint,
  hi: number | bigint,
  size: number,
): ValueError {
  return new ValueError(
    `buffer layout reaches bytes ${lo} to ${hi} outside its memory of ${size} bytes`,
  );
}

/**
 * The error for an operation on a detached ArrayBuffer.
 *
 * @example
 * if (isDetached(memory)) throw detachedError();
 */
export function detachedError(): ValueError {
  return new ValueError("operation on a detached ArrayBuffer");
}

/**
 * A `Uint8Array` over the whole of `memory` as it is now (re-made on every call, so a
 * resized buffer is seen at its new length).
 *
 * @example
 * bytesOf(new ArrayBuffer(4)).length; // 4
 */
export function bytesOf(memory: Memory): Uint8Array {
  return new Uint8Array(memory);
}
