// Bundled for the browser (esbuild, platform browser): nothing may need Node.
import { memoryview, pack, unpack } from "pybuffer";

const m = memoryview(new Uint16Array([1, 2]));
globalThis.result = [unpack("<h", pack("<h", -2))[0], String(m)];
