/**
 * DESIGN.md's "Packages and layers" table as data. A package may depend on and import only
 * packages of a strictly lower layer: never one of its own layer (sideways), never a higher
 * one (upward). The table shows no sideways exceptions, so none are listed here.
 */
export const LAYERS: Readonly<Record<string, number>> = {
  "@pybuffer/struct": 0,
  "@pybuffer/core": 1,
  "@pybuffer/memoryview": 2,
  "@pybuffer/legacy": 2,
  "@pybuffer/typedarray": 2,
  "@pybuffer/blob": 2,
  "@pybuffer/node-buffer": 2,
  "@pybuffer/npy": 2,
  "@pybuffer/pyodide": 2,
  "@pybuffer/ndarray": 2,
  pybuffer: 3,
  "@pybuffer/cli": 3,
};

/** Whether a package name belongs to the family (and so to the layers table). */
export function isFamilyPackage(name: string): boolean {
  return Object.hasOwn(LAYERS, name);
}

/** The package name a bare import specifier names: `@scope/name/sub` → `@scope/name`. */
export function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return specifier.startsWith("@") ? parts.slice(0, 2).join("/") : (parts[0] ?? specifier);
}
