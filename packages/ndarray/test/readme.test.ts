/**
 * The README's examples, run: each ```ts block is executed against this package's source,
 * and every `// =>` and `// throws` in it is checked (`@pybuffer-internal/doc-examples`).
 */
import { describeExamples } from "@pybuffer-internal/doc-examples";

describeExamples(import.meta.url, ["../README.md"]);
