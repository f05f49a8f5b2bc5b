/** Result checks shared by the sections: sampled records field by field, bytes in full. */
import { check } from "./case.js";
import { sampleIndexes } from "./data-struct.js";

/** `out` must be an array of `ref.length` records equal to `ref` at the sampled indexes. */
export function checkRecords<T extends readonly unknown[]>(
  out: unknown,
  ref: readonly T[],
  same: (got: unknown, want: T[number], field: number) => boolean,
): void {
  check(Array.isArray(out), () => `expected an array of records, got ${typeof out}`);
  check(out.length === ref.length, () => `expected ${ref.length} records, got ${out.length}`);
  for (const i of sampleIndexes(ref.length)) {
    const got = out[i] as ArrayLike<unknown>;
    const want = ref[i]!;
    check(got?.length === want.length, () => `record ${i} has ${got?.length} fields`);
    for (let k = 0; k < want.length; k++) {
      check(same(got[k], want[k], k), () => `record ${i} field ${k}: ${got[k]} != ${want[k]}`);
    }
  }
}

/** `out` must be one array-like per field, each equal to the reference at the sampled rows. */
export function checkColumns<T extends readonly unknown[]>(
  out: unknown,
  ref: readonly T[],
  same: (got: unknown, want: T[number], field: number) => boolean,
): void {
  check(Array.isArray(out), () => `expected an array of columns, got ${typeof out}`);
  const width = ref[0]?.length ?? 0;
  check(out.length === width, () => `expected ${width} columns, got ${out.length}`);
  for (let k = 0; k < width; k++) {
    const column = out[k] as ArrayLike<unknown>;
    check(column?.length === ref.length, () => `column ${k} has ${column?.length} rows`);
    for (const i of sampleIndexes(ref.length)) {
      check(
        same(column[i], ref[i]![k], k),
        () => `column ${k} row ${i}: ${column[i]} != ${ref[i]![k]}`,
      );
    }
  }
}

/** The bytes a result holds: a Uint8Array, any ArrayBuffer view, or an ArrayBuffer. */
export function bytesOf(out: unknown): Uint8Array {
  if (out instanceof Uint8Array) return out;
  if (ArrayBuffer.isView(out)) return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
  if (out instanceof ArrayBuffer) return new Uint8Array(out);
  throw new Error(`check failed: expected bytes, got ${Object.prototype.toString.call(out)}`);
}

/** Every byte of `out` must equal `want`. */
export function checkBytes(out: unknown, want: Uint8Array): void {
  const got = bytesOf(out);
  check(got.length === want.length, () => `expected ${want.length} bytes, got ${got.length}`);
  for (let i = 0; i < want.length; i++) {
    if (got[i] !== want[i]) check(false, () => `byte ${i}: ${got[i]} != ${want[i]}`);
  }
}

/** Numbers compared with Object.is (so -0 and NaN count); 64-bit values compared exactly. */
export const sameNumber = (got: unknown, want: unknown): boolean => Object.is(got, want);

export function toBigInt(value: unknown, signed: boolean): bigint | undefined {
  if (typeof value === "bigint") return value;
  if (typeof value === "number") return Number.isSafeInteger(value) ? BigInt(value) : undefined;
  if (Array.isArray(value) && value.length === 3) {
    // jspack's [low 32 bits, high 32 bits, unsigned flag]
    const raw = (BigInt(value[1] >>> 0) << 32n) | BigInt(value[0] >>> 0);
    return signed ? BigInt.asIntN(64, raw) : raw;
  }
  if (value !== null && typeof value === "object") return BigInt(String(value)); // long's Long
  return undefined;
}

export const sameInt64 = (got: unknown, want: unknown, field: number): boolean =>
  toBigInt(got, field === 0) === want;
