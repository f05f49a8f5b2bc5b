/**
 * The examples of this package's README, of the root README and of the guide, run: each
 * ```ts block is executed, and every `// =>` and `// throws` in it is checked, so the
 * docs cannot rot (`@pybuffer-internal/doc-examples`).
 */
import { describeExamples } from "@pybuffer-internal/doc-examples";

describeExamples(import.meta.url, [
  "../../../README.md",
  "../README.md",
  "../../../docs/guide/from-python.md",
]);
