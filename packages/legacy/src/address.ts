/**
 * Stable fake addresses for repr: CPython prints `%p` of the buffer object, of its base
 * and of raw memory. JavaScript has no addresses, so each object gets one the first time
 * it is printed, from a counter in the shape of a 64-bit Linux heap address
 * (`0x7f…`). The same object always prints the same address; two live objects never
 * share one. Backing stores get addresses from a separate range, 4 GiB apart, so
 * `memory address + byte offset` never runs into another object's address.
 */

const objects = new WeakMap<object, bigint>();
const OBJECT_BASE = 0x7f3a_5c00_0000n;
/** Room for a PyBufferObject header (64 bytes) and a small inline body. */
const OBJECT_STEP = 0x80n;
const MEMORY_BASE = 0x7f40_0000_0000n;
const MEMORY_STEP = 0x1_0000_0000n;
let nextObject = 0n;
let nextMemory = 0n;

/**
 * The fake address of `obj` (`id(obj)` in CPython). Backing stores (ArrayBuffer,
 * SharedArrayBuffer) pass `memory: true` to get one from the memory range.
 *
 * @example
 * addressOf(obj) === addressOf(obj); // true
 */
export function addressOf(obj: object, memory = false): bigint {
  let address = objects.get(obj);
  if (address === undefined) {
    address = memory
      ? MEMORY_BASE + MEMORY_STEP * nextMemory++
      : OBJECT_BASE + OBJECT_STEP * nextObject++;
    objects.set(obj, address);
  }
  return address;
}

/**
 * An address printed as glibc's `%p` does: `0x` and lower-case hex.
 *
 * @example
 * formatPointer(0x7f3a5c000000n); // "0x7f3a5c000000"
 */
export function formatPointer(address: bigint): string {
  return `0x${address.toString(16)}`;
}
