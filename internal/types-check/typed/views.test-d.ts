// Views typed by their format and dimensions, where the type checker knows them: the
// umbrella's `memoryview` over JavaScript binary values, `@pybuffer/memoryview` over typed
// exporters (the adapters, NDBuffer), and `toTypedArray`. Compiled by `tsc`, never run.

import { NDBuffer } from "@pybuffer/core";
import * as mv from "@pybuffer/memoryview";
import { fromNodeBuffer } from "@pybuffer/node-buffer";
import {
  fromArrayBuffer,
  fromDataView,
  fromTypedArray,
  type TypedArray,
  toTypedArray,
} from "@pybuffer/typedarray";
import { type MemoryView, memoryview, Slice, MemoryView as UmbrellaView } from "pybuffer";
import { expectType } from "./assert.js";

// A Float64Array's view: format "d", one dimension.
const m = memoryview(new Float64Array(8));
expectType(m).is<MemoryView<"d", 1>>();
expectType(m.get(0)).is<number>();
expectType(m.get(-1n)).is<number>();
expectType(m.toList()).is<number[]>();
expectType(m.slice(1, 3)).is<mv.MemoryView<"d", 1>>();
expectType(m.get(new Slice(0, 2))).is<mv.MemoryView<"d", 1>>();
expectType(m.get(new Slice(0, 2)).toList()).is<number[]>();
expectType(m.toReadOnly().get(0)).is<number>();
for (const x of m) expectType(x).is<number>();

// cast: the new format, and the shape's dimensions.
const m2 = m.cast("B", [8, 8]);
expectType(m2).is<mv.MemoryView<"B", 2>>();
expectType(m2.toList()).is<number[][]>();
expectType(m2.get([0, 1])).is<number>();
expectType(m.cast("B").cast("q").toList()).is<bigint[]>();
expectType(m.cast("B", []).get([])).is<number>();
expectType(m.cast("c").get(0)).is<Uint8Array<ArrayBuffer>>();
expectType(m.cast("?", [2, 2, 2]).toList()).is<boolean[][][]>();
// l is 8 bytes on lp64, 4 on wasm32: a view's ABI is its exporter's.
expectType(m.cast("l").get(0)).is<number | bigint>();

// Every JavaScript binary kind.
expectType(memoryview(new Int8Array(1)).get(0)).is<number>();
expectType(memoryview(new Uint8Array(1))).is<MemoryView<"B", 1>>();
expectType(memoryview(new Uint8ClampedArray(1))).is<MemoryView<"B", 1>>();
expectType(memoryview(new Int16Array(1))).is<MemoryView<"h", 1>>();
expectType(memoryview(new Uint16Array(1))).is<MemoryView<"H", 1>>();
expectType(memoryview(new Int32Array(1))).is<MemoryView<"i", 1>>();
expectType(memoryview(new Uint32Array(1))).is<MemoryView<"I", 1>>();
expectType(memoryview(new BigInt64Array(1)).toList()).is<bigint[]>();
expectType(memoryview(new BigUint64Array(1))).is<MemoryView<"Q", 1>>();
expectType(memoryview(new Float32Array(1))).is<MemoryView<"f", 1>>();
expectType(memoryview(new DataView(new ArrayBuffer(1)))).is<MemoryView<"B", 1>>();
expectType(memoryview(new ArrayBuffer(1))).is<MemoryView<"B", 1>>();
expectType(memoryview(Buffer.from("hi")).toList()).is<number[]>();

// The adapters carry what they know, and @pybuffer/memoryview reads it.
expectType(mv.memoryview(fromTypedArray(new Int16Array(6))).toList()).is<number[]>();
expectType(
  mv.memoryview(fromTypedArray(new Uint8Array(16), { format: "<d", shape: [2] })).get(0),
).is<number>();
expectType(
  mv.memoryview(fromArrayBuffer(new ArrayBuffer(12), { format: "<i", shape: [3, 1] })).toList(),
).is<number[][]>();
expectType(mv.memoryview(fromArrayBuffer(new ArrayBuffer(2))).get(0)).is<number>();
expectType(mv.memoryview(fromDataView(new DataView(new ArrayBuffer(2)))).toList()).is<number[]>();
expectType(mv.memoryview(fromNodeBuffer(Buffer.from("hi")))).is<mv.MemoryView<"B", 1>>();
const nd = new NDBuffer(new ArrayBuffer(12), { shape: [2, 3], format: "h" });
expectType(mv.memoryview(nd).toList()).is<number[][]>();
expectType(mv.memoryview(nd).get([1, 2])).is<number>();
expectType(mv.memoryview(mv.memoryview(nd))).is<mv.MemoryView<"h", 2>>();
expectType(mv.fromObject(nd).toList()).is<number[][]>();
expectType(mv.fromMemory(new ArrayBuffer(4), 0x200).toList()).is<number[]>();

// toTypedArray: the kind of a literal format.
const i16: Int16Array = toTypedArray(fromTypedArray(new Int16Array(4)));
void i16;
expectType(toTypedArray(memoryview(new Float32Array(2)))).is<Float32Array>();
expectType(toTypedArray(m.cast("<q"))).is<BigInt64Array>();
expectType(toTypedArray(new Uint16Array(2))).is<Uint16Array>();
expectType(toTypedArray(fromArrayBuffer(new ArrayBuffer(8), { format: ">I" }))).is<Uint32Array>();

// Unknown stays honest: a view built from run-time values is typed as before.
declare const exporter: object;
const g = mv.memoryview(exporter);
expectType(g).is<mv.MemoryView>();
expectType(g.get(0)).is<unknown>();
expectType(g.toList()).is<unknown>();
declare const fmt: string;
expectType(m.cast(fmt).get(0)).is<unknown>();
declare const shape: number[];
expectType(m.cast("B", shape).toList()).is<unknown>();
expectType(toTypedArray(fromTypedArray(new Uint8Array(8), { format: fmt }))).is<TypedArray>();
// A typed view is still a MemoryView.
const general: mv.MemoryView = m2;
void general;

// Misuse.
// @ts-expect-error: a "d" item is a number
const s: string = m.get(0);
void s;
// @ts-expect-error: a 2-D view's list is nested
const flat: number[] = m2.toList();
void flat;
// @ts-expect-error: a Float64Array's view is not an Int16Array
const wrongKind: Int16Array = toTypedArray(memoryview(new Float64Array(1)));
void wrongKind;

// The memoryview README's example.
const readme = mv.memoryview(new NDBuffer(new ArrayBuffer(16), { shape: [2, 4], format: "<h" }));
expectType(readme).is<mv.MemoryView<"<h", 2>>();
expectType(readme.cast("B").cast("q").toList()).is<bigint[]>();
expectType(readme.slice(1).toList()).is<number[][]>();

// A subclass chooses what `new` exports (`exporterOf`), and keeps its types.
class Bytes extends mv.MemoryView {
  protected static override exporterOf(obj: unknown): unknown {
    return obj instanceof Uint8Array
      ? new NDBuffer(obj.slice().buffer, { shape: [obj.length] })
      : obj;
  }
}
expectType(new Bytes(new Uint8Array(2)).slice(1)).is<mv.MemoryView>();
// @ts-expect-error: the hook is for subclasses, not callers
mv.MemoryView.exporterOf(new Uint8Array(2));
// @ts-expect-error: nor the umbrella's, which overrides it
UmbrellaView.exporterOf(new Uint8Array(2));
