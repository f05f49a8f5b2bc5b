// Run against the installed tarballs: what a user's first program does, through every
// package's entry, and what the trial tripped on (printing, the errors).
import assert from "node:assert/strict";
import { inspect } from "node:util";
import { fromBlob } from "@pybuffer/blob";
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import { buffer } from "@pybuffer/legacy";
import { memoryview as mv } from "@pybuffer/memoryview";
import { fromNodeBuffer } from "@pybuffer/node-buffer";
import { Struct } from "@pybuffer/struct";
import { StructError as LowError } from "@pybuffer/struct/errors";
import { inspectCustom } from "@pybuffer/struct/print";
import { fromTypedArray } from "@pybuffer/typedarray";
import { memoryview, pack, StructError, unpack } from "pybuffer";

assert.deepEqual(
  unpack("<IHHd", pack("<IHHd", 4000000000, 7, 65535, -979.662)),
  [4000000000, 7, 65535, -979.662],
);
assert.throws(
  () => pack("<H", 70000),
  (e) => e instanceof StructError && e instanceof LowError,
);
const m = memoryview(Buffer.from("hi!"));
assert.equal(
  inspect(m),
  "<memory format='B' shape=(3,) strides=(1,) readonly=False [104, 105, 33]>",
);
assert.equal(typeof m[inspectCustom], "function");
const nd = NDBuffer.fromItems([1, 2, 3, 4], { shape: [2, 2], format: "<h" });
const view = getBuffer(nd, PyBUF_FULL_RO);
assert.deepEqual(mv(nd).toList(), [
  [1, 2],
  [3, 4],
]);
releaseBuffer(view);
assert.equal(buffer(new Uint8Array([104, 105])).toString(), "hi");
assert.match(String(fromNodeBuffer(Buffer.from("ab"))), /\[97, 98\]>$/);
assert.match(String(fromTypedArray(new Float32Array([0.5]))), /\[0\.5\]>$/);
assert.deepEqual(mv(await fromBlob(new Blob([new Uint8Array([7])]))).toList(), [7]);
assert.deepEqual(
  new Struct("<4s", { encoding: "utf-8" }).unpack(pack("<4s", new Uint8Array([104, 105]))),
  ["hi"],
);
console.log("consumer: ok");
