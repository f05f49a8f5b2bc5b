/**
 * The README's examples, run: each ```ts block is executed against this package's source,
 * and every `// =>` and `// throws` in it is checked (`@pybuffer-internal/doc-examples`).
 * The files they read are NumPy's, from the vectors (internal/oracle/gen/npy_files.py).
 */
import { describeExamples } from "@pybuffer-internal/doc-examples";
import { type FileCase, loadVectors } from "./support/oracle.js";

const files = loadVectors<{ cases: FileCase[] }>("npy_files").cases;
const npy = (name: string): Uint8Array => files.find((c) => c.name === name)?.npy as Uint8Array;

describeExamples(import.meta.url, ["../README.md"], {
  fixtures: { "grid.npy": npy("grid"), "when.npy": npy("datetime") },
});
