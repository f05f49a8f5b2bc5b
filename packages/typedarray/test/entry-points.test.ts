/**
 * Every public entry point against a catalog of hostile arguments: each call either works
 * or throws one of the family's errors (or JavaScript's TypeError) with a message of ours,
 * never a crash from inside ("Cannot read properties of null"), a hang or garbage.
 */
import { pythonErrorName } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { ByteArray } from "../src/byte-array.js";
import { fromBinary } from "../src/from-binary.js";
import { fromArrayBuffer, fromWasmMemory } from "../src/from-buffer.js";
import { fromDataView, fromTypedArray } from "../src/from-typed-array.js";
import { toArrayBuffer, toDataView } from "../src/to-data-view.js";
import { toTypedArray } from "../src/to-typed-array.js";

const detached = new ArrayBuffer(8);
structuredClone(detached, { transfer: [detached] });

const HOSTILE: [string, unknown][] = [
  ["undefined", undefined],
  ["null", null],
  ["0", 0],
  ["NaN", Number.NaN],
  ["-1", -1],
  ["string", "abc"],
  ["bigint", 5n],
  ["symbol", Symbol("s")],
  ["function", () => 1],
  ["plain object", {}],
  ["array", [1, 2]],
  ["fake view", { memory: 1, buf: "x" }],
  ["fake exporter", { [Symbol.for("pybuffer.bf_getbuffer")]: () => 42 }],
  [
    "throwing getter",
    Object.defineProperty({}, "memory", {
      get: () => {
        throw new Error("boom");
      },
    }),
  ],
  ["detached buffer", detached],
  [
    "proxy",
    new Proxy(
      {},
      {
        get: () => {
          throw new Error("trap");
        },
      },
    ),
  ],
];

const INTERNAL_CRASH = /Cannot read|is not a function|is not iterable|of undefined|of null/;

const ENTRY_POINTS: [string, (value: unknown) => unknown][] = [
  ["fromTypedArray(x)", (x) => fromTypedArray(x as never)],
  ["fromTypedArray(ta, x)", (x) => fromTypedArray(new Uint8Array(4), x as never)],
  ["fromDataView(x)", (x) => fromDataView(x as never)],
  ["fromDataView(dv, x)", (x) => fromDataView(new DataView(new ArrayBuffer(4)), x as never)],
  ["fromArrayBuffer(x)", (x) => fromArrayBuffer(x as never)],
  ["fromArrayBuffer(ab, x)", (x) => fromArrayBuffer(new ArrayBuffer(4), x as never)],
  ["fromWasmMemory(x)", (x) => fromWasmMemory(x as never)],
  ["fromBinary(x)", (x) => fromBinary(x as never)],
  ["fromBinary(ab, x)", (x) => fromBinary(new ArrayBuffer(4), x as never)],
  ["toTypedArray(x)", (x) => toTypedArray(x as never)],
  ["toTypedArray(ta, x)", (x) => toTypedArray(new Uint8Array(4), x as never)],
  ["toDataView(x)", (x) => toDataView(x as never)],
  ["toDataView(ta, x)", (x) => toDataView(new Uint8Array(4), x as never)],
  ["toArrayBuffer(x)", (x) => toArrayBuffer(x as never)],
  ["new ByteArray(x)", (x) => new ByteArray(x as never)],
  ["ByteArray.resize(x)", (x) => new ByteArray(2).resize(x as never)],
  ["ByteArray.extend(x)", (x) => new ByteArray(2).extend(x as never)],
];

describe("hostile arguments to every entry point", () => {
  for (const [name, call] of ENTRY_POINTS) {
    it(name, () => {
      for (const [label, value] of HOSTILE) {
        let error: unknown;
        try {
          call(value);
        } catch (e) {
          error = e;
        }
        if (error === undefined) continue; // accepted (an empty options object, say)
        const message = (error as Error).message;
        const thrownByUs = pythonErrorName(error) !== undefined;
        const fromTheValue = message === "boom" || message === "trap";
        expect(thrownByUs || fromTheValue, `${name} with ${label}: ${String(error)}`).toBe(true);
        expect(
          INTERNAL_CRASH.test(message) && !fromTheValue,
          `${name} with ${label}: ${message}`,
        ).toBe(false);
      }
    });
  }
});
