/**
 * Making buffer objects: the C functions `PyBuffer_FromObject`,
 * `PyBuffer_FromReadWriteObject`, `PyBuffer_FromMemory`, `PyBuffer_FromReadWriteMemory`,
 * `PyBuffer_New`, and the Python builtin `buffer(object[, offset[, size]])`.
 *
 * Sizes and offsets are Python ints (`number` integers, `bigint`, `boolean`), checked
 * like `Py_ssize_t` arguments: a `float` is a `TypeError`, a value past 64 bits an
 * `OverflowError`.
 */
import {
  detachedError,
  isDetached,
  isMemory,
  type Memory,
  outsideMemoryError,
  pythonTypeName,
} from "@pybuffer/core";
import { MemoryError, ValueError } from "@pybuffer/struct";
import { type BufferObject, createBufferObject, isBuffer, type PyIndex } from "./buffer-object.js";
import { ssizeArg } from "./py-int.js";
import { segmentProcs } from "./segment-procs.js";

/** Any allocation this large is refused up front (MemoryError, before trying). */
const MAX_ALLOC = 2 ** 32;

/** The constructors' first check: `base` has the access proc and a segment count. */
function requireProcs(base: unknown, access: "read" | "write"): object {
  const procs = segmentProcs(base);
  if (procs?.[access] === undefined || procs.segcount === undefined) {
    throw new TypeError("buffer object expected");
  }
  return base as object;
}

/** `buffer_from_memory`: the size and offset checks, then the object. */
function fromFields(
  base: object | null,
  size: bigint,
  offset: bigint,
  readonly: boolean,
  memory: Memory | null = null,
  ptr = 0,
  owned = false,
): BufferObject {
  if (size < 0n && size !== -1n) throw new ValueError("size must be zero or positive");
  if (offset < 0n) throw new ValueError("offset must be zero or positive");
  return createBufferObject({ base, memory, ptr, size, offset, readonly, owned });
}

/**
 * `buffer_from_object`: a buffer of a buffer that has a base refers to that base
 * directly, offsets added (in wrapping 64-bit arithmetic, as C does) and the size
 * clipped to what the outer buffer allowed.
 */
function fromBase(base: object, size: bigint, offset: bigint, readonly: boolean): BufferObject {
  if (offset < 0n) throw new ValueError("offset must be zero or positive");
  if (isBuffer(base) && base._base !== null) {
    if (base._size !== -1n) {
      let baseSize = base._size - offset;
      if (baseSize < 0n) baseSize = 0n;
      if (size === -1n || size > baseSize) size = baseSize;
    }
    offset = BigInt.asIntN(64, offset + base._offset);
    base = base._base;
  }
  return fromFields(base, size, offset, readonly);
}

/**
 * `PyBuffer_FromObject(base, offset, size)`: a read-only buffer over `size` bytes of
 * `base` from `offset` (`size` {@link Py_END_OF_BUFFER}: to the end, whatever the end is
 * at each access).
 *
 * Errors: `TypeError("buffer object expected")` when `base` has no read proc (no
 * buffer at all); `ValueError("offset must be zero or positive")`;
 * `ValueError("size must be zero or positive")`.
 *
 * @example
 * fromObject(new Uint8Array([1, 2, 3]), 1, Py_END_OF_BUFFER).toBytes(); // [2, 3]
 */
export function fromObject(base: object, offset: PyIndex, size: PyIndex): BufferObject {
  const off = ssizeArg(offset);
  const sz = ssizeArg(size);
  return fromBase(requireProcs(base, "read"), sz, off, true);
}

/**
 * `PyBuffer_FromReadWriteObject(base, offset, size)`: as {@link fromObject}, writable;
 * `base` needs a write proc. Flattening follows 2.7: a writable buffer made over a
 * read-only buffer object writes straight into that buffer's base.
 *
 * @example
 * const data = new Uint8Array(4);
 * fromReadWriteObject(data, 2, 1).set(0, new Uint8Array([7])); // data[2] === 7
 */
export function fromReadWriteObject(base: object, offset: PyIndex, size: PyIndex): BufferObject {
  const off = ssizeArg(offset);
  const sz = ssizeArg(size);
  return fromBase(requireProcs(base, "write"), sz, off, false);
}

function memoryArgs(name: string, memory: unknown, args: readonly PyIndex[]): [number, number] {
  if (!isMemory(memory)) {
    throw new TypeError(
      `${name}() memory must be an ArrayBuffer or SharedArrayBuffer, not '${pythonTypeName(memory)}'`,
    );
  }
  if (args.length < 1 || args.length > 2) {
    throw new TypeError(`${name}() takes a memory, an optional offset and a size`);
  }
  const offset = args.length === 2 ? ssizeArg(args[0]) : 0n;
  const size = ssizeArg(args[args.length - 1]);
  // The C docs: Py_END_OF_BUFFER may not be passed here (2.7.18 accepted it by mistake).
  if (size < 0n) throw new ValueError("size must be zero or positive");
  if (offset < 0n) throw new ValueError("offset must be zero or positive");
  // Exactly, in bigints: an offset near 2**63 must not round back inside the memory.
  if (isDetached(memory)) throw detachedError();
  const end = offset + size;
  if (end > BigInt(memory.byteLength)) throw outsideMemoryError(offset, end, memory.byteLength);
  return [Number(offset), Number(size)];
}

/**
 * `PyBuffer_FromMemory(ptr, size)`: a read-only buffer over `size` bytes of `memory` at
 * byte `offset` (default 0). The range must lie inside `memory` (`ValueError`
 * otherwise, now and at every later access: a shrunk or detached memory is refused).
 * `size` may not be {@link Py_END_OF_BUFFER}.
 *
 * @example
 * fromMemory(new ArrayBuffer(8), 2, 4).length; // 4
 * fromMemory(new ArrayBuffer(8), 8).length; // 8
 */
export function fromMemory(
  memory: Memory,
  ...offsetAndSize: [size: PyIndex] | [offset: PyIndex, size: PyIndex]
): BufferObject {
  const [ptr, size] = memoryArgs("fromMemory", memory, offsetAndSize);
  return fromFields(null, BigInt(size), 0n, true, memory, ptr);
}

/**
 * `PyBuffer_FromReadWriteMemory(ptr, size)`: as {@link fromMemory}, writable.
 *
 * @example
 * const memory = new ArrayBuffer(4);
 * fromReadWriteMemory(memory, 1, 2).set(0, new Uint8Array([5])); // byte 1 is now 5
 */
export function fromReadWriteMemory(
  memory: Memory,
  ...offsetAndSize: [size: PyIndex] | [offset: PyIndex, size: PyIndex]
): BufferObject {
  const [ptr, size] = memoryArgs("fromReadWriteMemory", memory, offsetAndSize);
  return fromFields(null, BigInt(size), 0n, false, memory, ptr);
}

/**
 * `PyBuffer_New(size)`: a writable buffer owning `size` zeroed bytes of its own.
 *
 * Errors: `ValueError("size must be zero or positive")`; `MemoryError` past 4 GiB.
 *
 * @example
 * alloc(3).toBytes(); // Uint8Array [0, 0, 0]
 */
export function alloc(size: PyIndex): BufferObject {
  const n = ssizeArg(size);
  if (n < 0n) throw new ValueError("size must be zero or positive");
  if (n > BigInt(MAX_ALLOC)) throw new MemoryError(`cannot allocate a buffer of ${n} bytes`);
  const memory = new ArrayBuffer(Number(n));
  return fromFields(null, n, 0n, false, memory, 0, true);
}

/**
 * The Python builtin `buffer(object[, offset[, size]])`: always read-only, `offset`
 * defaults to 0 and `size` to the end. `undefined` arguments count as omitted; `null`
 * is Python's `None` (a `TypeError`, as there).
 *
 * Errors: arity `TypeError`s with 2.7's messages, `TypeError("an integer is required")`,
 * `TypeError("integer argument expected, got float")`, `OverflowError`, then
 * {@link fromObject}'s.
 *
 * @example
 * buffer(new Uint8Array([1, 2, 3]), 1).toBytes(); // Uint8Array [2, 3]
 */
export function buffer(...args: [object: unknown, offset?: PyIndex, size?: PyIndex]): BufferObject {
  // Typed for the legal arities; plain JavaScript callers may pass any number.
  let count = (args as unknown[]).length;
  while (count > 1 && args[count - 1] === undefined) count--;
  if (count === 0) throw new TypeError("buffer() takes at least 1 argument (0 given)");
  if (count > 3) throw new TypeError(`buffer() takes at most 3 arguments (${count} given)`);
  const [object, offset, size] = args;
  const off = offset === undefined ? 0n : ssizeArg(offset);
  const sz = size === undefined ? -1n : ssizeArg(size);
  return fromBase(requireProcs(object, "read"), sz, off, true);
}
