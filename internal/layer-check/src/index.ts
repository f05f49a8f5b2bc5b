export { checkLayers, type Violation } from "./check.js";
export { isFamilyPackage, LAYERS, packageOf } from "./layers.js";
