/**
 * Offset arguments of `unpack_from` / `pack_into` (CPython's `Py_ssize_t`
 * conversion and the bounds checks of `Struct_unpack_from_impl` and
 * `s_pack_into`), with CPython's messages; `Py_ssize_t` is the ABI's (32 bits on wasm32).
 */
import { IndexError, OverflowError, StructError } from "./errors.js";
import { ssizeMax } from "./layout/size.js";
import { pyTypeName } from "./py-types.js";
import type { Abi } from "./types.js";

function asOffset(offset: unknown, action: "unpack" | "pack", max: bigint): number | bigint {
  if (typeof offset === "number") {
    if (Number.isSafeInteger(offset) && offset <= max && offset >= -max - 1n) return offset;
    if (!Number.isInteger(offset)) {
      throw new TypeError("'float' object cannot be interpreted as an integer");
    }
    offset = BigInt(offset);
  } else if (typeof offset === "boolean") {
    return offset ? 1 : 0;
  } else if (typeof offset !== "bigint") {
    throw new TypeError(`'${pyTypeName(offset)}' object cannot be interpreted as an integer`);
  }
  const big = offset as bigint;
  if (big < -max - 1n || big > max) {
    // unpack_from converts with Argument Clinic, pack_into with PyNumber_AsSsize_t.
    throw action === "unpack"
      ? new OverflowError("Python int too large to convert to C ssize_t")
      : new IndexError("cannot fit 'int' into an index-sized integer");
  }
  return big >= BigInt(Number.MIN_SAFE_INTEGER) && big <= BigInt(Number.MAX_SAFE_INTEGER)
    ? Number(big)
    : big;
}

/**
 * The start byte of one struct of `size` bytes at `offset` in a buffer of `len`
 * bytes (a negative offset counts from the end), or CPython's error.
 *
 * @example
 * resolveOffset(-4, 4, 6, "unpack", "lp64"); // 2
 */
export function resolveOffset(
  offset: unknown,
  size: number,
  len: number,
  action: "unpack" | "pack",
  abi: Abi,
): number {
  // The common case, small enough for the engine to inline into every caller.
  return typeof offset === "number" &&
    offset >= 0 &&
    offset <= len - size &&
    Math.floor(offset) === offset
    ? offset
    : checkedOffset(offset, size, len, action, abi);
}

/** {@link resolveOffset} for any offset: conversion, negative offsets, CPython's errors. */
function checkedOffset(
  offset: unknown,
  size: number,
  len: number,
  action: "unpack" | "pack",
  abi: Abi,
): number {
  const max = ssizeMax(abi);
  const raw = asOffset(offset, action, max);
  // Exact arithmetic for offsets past 2^53 (they always fail, but the message counts).
  const off = BigInt(raw);
  let start = off;
  if (off < 0n) {
    if (off + BigInt(size) > 0n) {
      throw new StructError(
        action === "unpack"
          ? `not enough data to unpack ${size} bytes at offset ${off}`
          : `no space to pack ${size} bytes at offset ${off}`,
      );
    }
    if (off + BigInt(len) < 0n) {
      throw new StructError(`offset ${off} out of range for ${len}-byte buffer`);
    }
    start = off + BigInt(len);
  }
  if (BigInt(len) - start < BigInt(size)) {
    // `size_t` arithmetic, as wide as the ABI's `Py_ssize_t`.
    const need = BigInt.asUintN(max > 0x7fffffffn ? 64 : 32, BigInt(size) + start);
    throw new StructError(
      action === "unpack"
        ? `unpack_from requires a buffer of at least ${need} bytes for unpacking ${size} bytes at offset ${start} (actual buffer size is ${len})`
        : `pack_into requires a buffer of at least ${need} bytes for packing ${size} bytes at offset ${start} (actual buffer size is ${len})`,
    );
  }
  return Number(start);
}
