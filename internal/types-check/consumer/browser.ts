// The browser-safe packages, in a project without Node's types (lib: es2022, dom and
// esnext.disposable, which MemoryView's `Symbol.dispose` needs).

import { toBlob } from "@pybuffer/blob";
import { buffer } from "@pybuffer/legacy";
import { memoryview } from "@pybuffer/memoryview";
import { isNdarray } from "@pybuffer/ndarray";
import { isBufferProxy } from "@pybuffer/pyodide";
import { pack } from "@pybuffer/struct";
import { fromTypedArray } from "@pybuffer/typedarray";

const m = memoryview(fromTypedArray(new Float64Array(2)));
const blob: Blob = toBlob(fromTypedArray(pack("<h", 1)));
void [m.toList(), blob, buffer(new Uint8Array(2)), isBufferProxy(m), isNdarray(m)];
