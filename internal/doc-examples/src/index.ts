export { asTestModule, type Block, sourceEntryPoints, tsBlocks, writeBlocks } from "./blocks.js";
export { expectRejects, expectThrows } from "./checks.js";
export { describeExamples, type ExampleOptions } from "./suite.js";
