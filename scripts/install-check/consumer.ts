// Type-checked under strict settings against the installed tarballs' declarations.
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer } from "@pybuffer/core";
import type { MemoryView } from "@pybuffer/memoryview";
import { type Layout, parseFormat, Struct, type StructOptions } from "@pybuffer/struct";
import { describeError, installPrinting } from "@pybuffer/struct/print";
import { memoryview, pack, StructError, unpack } from "pybuffer";

const options: StructOptions = { abi: "wasm32", encoding: "utf-8" };
const s: Struct = new Struct("<4sI", options);
const values: unknown[] = unpack("<hI", pack("<hI", 1, 2));
const layout: Layout = parseFormat("T{<i:a:h:b:}");
const m: MemoryView = memoryview(new Uint8Array([1, 2, 3]));
const nd = new NDBuffer(new ArrayBuffer(4), { shape: [4] });
const view = getBuffer(nd, PyBUF_FULL_RO);
releaseBuffer(view);
class Thing {}
installPrinting(Thing.prototype, () => "<thing>");
const text: string = describeError(new StructError("x")) + String(m) + String(layout);
// @ts-expect-error: the encoding option takes named encodings only
const bad: StructOptions = { encoding: "cp1252" };
void [s, values, text, bad];
