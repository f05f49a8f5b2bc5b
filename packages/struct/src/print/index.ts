/**
 * `@pybuffer/struct/print`: how the family's objects print (`console.log`, `String()`),
 * shared by every package that has something to print: the Node inspect hook, Python's
 * repr of unpacked values, the `<name key=value … items>` summary with elided items, and
 * the printed form of a layout.
 *
 * @packageDocumentation
 */
export { describeError, inspectCustom, installPrinting } from "./hook.js";
export { itemRepr } from "./item-repr.js";
export { layoutRepr } from "./layout-repr.js";
export { bytesRepr, complexRepr, floatRepr, leafRepr } from "./py-repr.js";
export { elidedItems, pyValue, summary } from "./summary.js";
