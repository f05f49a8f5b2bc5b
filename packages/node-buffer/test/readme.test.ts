/**
 * The README's examples, run: each ```ts block is executed against this package's source,
 * and every `// =>` and `// throws` in it is checked (`@pybuffer-internal/doc-examples`).
 * The `fs` example reads `input.bin` from a scratch working directory.
 */
import { describeExamples } from "@pybuffer-internal/doc-examples";

describeExamples(import.meta.url, ["../README.md"], {
  fixtures: { "input.bin": new Uint8Array([1, 2, 3, 4, 5, 6, 7, 8]) },
});
