/** The TypedArray kinds every runtime has, with the format each exports (test helper). */

/** A TypedArray constructor, as the tests call them. */
export type Ctor = (new (
  buffer: ArrayBufferLike,
  offset?: number,
  length?: number,
) => ArrayBufferView) & {
  BYTES_PER_ELEMENT: number;
};

/** `[constructor, format]` for each kind but Float16Array (absent on Node 20). */
export const KINDS: [Ctor, string][] = [
  [Int8Array, "b"],
  [Uint8Array, "B"],
  [Uint8ClampedArray, "B"],
  [Int16Array, "h"],
  [Uint16Array, "H"],
  [Int32Array, "i"],
  [Uint32Array, "I"],
  [BigInt64Array, "q"],
  [BigUint64Array, "Q"],
  [Float32Array, "f"],
  [Float64Array, "d"],
];
