/**
 * Pointers stored in memory (suboffsets, format `P`) under DESIGN.md's model: an
 * unsigned byte offset into the same memory, of the ABI's pointer size, in its byte
 * order (every supported ABI is little-endian).
 */
import { BufferError, ValueError } from "@pybuffer/struct";
import { argumentError, byteLengthOf, checkRange } from "./memory.js";
import type { Abi, Memory } from "./view.js";

/**
 * `sizeof(void *)` for an ABI: 8 for `lp64` and `llp64`, 4 for `wasm32`.
 *
 * @example
 * pointerSize("wasm32"); // 4
 */
export function pointerSize(abi: Abi): number {
  return abi === "wasm32" ? 4 : 8;
}

/**
 * Whether `value` names a supported ABI.
 *
 * @example
 * isAbi("lp64"); // true
 */
export function isAbi(value: unknown): value is Abi {
  return value === "lp64" || value === "llp64" || value === "wasm32";
}

/** The argument checks of the exported pointer functions: TypeErrors naming the argument. */
function checkArguments(fn: string, memory: unknown, addr: unknown, abi: unknown): void {
  byteLengthOf(memory, fn);
  if (typeof addr !== "number" || !Number.isSafeInteger(addr) || addr < 0) {
    throw argumentError(fn, "addr", "a non-negative integer", addr);
  }
  if (!isAbi(abi)) throw argumentError(fn, "abi", "'lp64', 'llp64' or 'wasm32'", abi);
}

/**
 * Reads the pointer stored at byte `addr` of `memory` (`*(char **)addr`) and returns
 * it as a byte offset into the same memory. Throws `ValueError` when the pointer
 * itself lies outside memory, and `BufferError` when its value is not a safe
 * integer (an 8-byte pointer beyond 2^53).
 *
 * @example
 * const m = new ArrayBuffer(16);
 * new DataView(m).setUint32(0, 8, true);
 * readPointer(m, 0, "lp64"); // 8
 */
export function readPointer(memory: Memory, addr: number, abi: Abi): number {
  checkArguments("readPointer", memory, addr, abi);
  return pointerAt(memory, addr, abi);
}

/**
 * {@link readPointer} for arguments already known to be right (a checked view's
 * memory, an integer address, a known ABI): the walks over PIL layouts.
 *
 * @example
 * pointerAt(view.memory, view.buf, view.abi);
 */
export function pointerAt(memory: Memory, addr: number, abi: Abi): number {
  const size = abi === "wasm32" ? 4 : 8;
  checkRange(memory, addr, addr + size);
  const dv = new DataView(memory, addr, size);
  const low = dv.getUint32(0, true);
  if (size === 4) return low;
  const high = dv.getUint32(4, true);
  if (high > 0x1fffff) {
    throw new BufferError(`pointer at byte ${addr} is not a byte offset into memory`);
  }
  return high * 0x100000000 + low;
}

/**
 * Writes `target` as a pointer at byte `addr` of `memory` (builds PIL tables).
 *
 * @example
 * const m = new ArrayBuffer(16);
 * writePointer(m, 0, 8, "lp64");
 * readPointer(m, 0, "lp64"); // 8
 */
export function writePointer(memory: Memory, addr: number, target: number, abi: Abi): void {
  checkArguments("writePointer", memory, addr, abi);
  if (typeof target !== "number") throw argumentError("writePointer", "target", "a number", target);
  const size = abi === "wasm32" ? 4 : 8;
  if (!Number.isSafeInteger(target) || target < 0 || (size === 4 && target > 0xffffffff)) {
    throw new ValueError(`pointer value ${target} does not fit the ${abi} ABI`);
  }
  checkRange(memory, addr, addr + size);
  const dv = new DataView(memory, addr, size);
  dv.setUint32(0, target % 0x100000000, true);
  if (size === 8) dv.setUint32(4, Math.floor(target / 0x100000000), true);
}
