/**
 * The layer check. For every package under `packages/`:
 * - its manifest's dependency fields may name family packages of lower layers only;
 * - every import in `src/` of a family package must name a lower layer, be listed in
 *   `dependencies` or `peerDependencies`, and use a subpath the target exports;
 * - no relative import in `src/` may leave the package's own folder;
 * - `tsconfig.json` project references may name lower layers only.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import ts from "typescript";
import { findImports } from "./imports.js";
import { isFamilyPackage, LAYERS, packageOf } from "./layers.js";
import {
  DEPENDENCY_FIELDS,
  exportedSubpaths,
  type Manifest,
  readPackages,
  sourceFiles,
  type WorkspacePackage,
} from "./workspace.js";

export interface Violation {
  /** Workspace-relative path, with `:line` for imports. */
  readonly where: string;
  readonly message: string;
}

function direction(from: number, to: number): string {
  return to === from ? "sideways" : "upward";
}

function checkManifest(pkg: WorkspacePackage, layer: number): Violation[] {
  const out: Violation[] = [];
  const name = pkg.manifest.name!;
  for (const field of DEPENDENCY_FIELDS) {
    for (const dep of Object.keys(pkg.manifest[field] ?? {})) {
      if (!isFamilyPackage(dep) || dep === name) continue;
      const target = LAYERS[dep]!;
      if (target >= layer) {
        out.push({
          where: `${pkg.relDir}/package.json`,
          message: `${name} (layer ${layer}) lists ${dep} (layer ${target}) in ${field}: ${direction(layer, target)}`,
        });
      }
    }
  }
  return out;
}

function checkImport(
  pkg: WorkspacePackage,
  layer: number,
  file: string,
  specifier: string,
  manifests: ReadonlyMap<string, Manifest>,
): string | null {
  const name = pkg.manifest.name!;
  if (specifier.startsWith(".") || isAbsolute(specifier)) {
    const target = resolve(dirname(file), specifier);
    const inside = relative(pkg.dir, target);
    if (inside.startsWith("..") || isAbsolute(inside)) {
      return `relative import ${specifier} reaches outside ${pkg.relDir} into another package's files`;
    }
    return null;
  }
  const dep = packageOf(specifier);
  if (!isFamilyPackage(dep) || dep === name) return null;
  const target = LAYERS[dep]!;
  if (target >= layer) {
    return `${name} (layer ${layer}) imports ${dep} (layer ${target}): ${direction(layer, target)}`;
  }
  const declared = { ...pkg.manifest.dependencies, ...pkg.manifest.peerDependencies };
  if (!Object.hasOwn(declared, dep)) {
    return `imports ${dep}, which package.json does not list in dependencies or peerDependencies`;
  }
  const subpath = `.${specifier.slice(dep.length)}`;
  const offered = manifests.get(dep);
  if (offered !== undefined && subpath !== "." && !exportedSubpaths(offered).includes(subpath)) {
    return `imports ${specifier}: ${dep} does not export ${subpath} (no reaching into its files)`;
  }
  return null;
}

/** `tsconfig.json` project references name packages by folder; they follow the same rule. */
function checkReferences(
  pkg: WorkspacePackage,
  layer: number,
  byDir: ReadonlyMap<string, string>,
): Violation[] {
  const path = join(pkg.dir, "tsconfig.json");
  if (!existsSync(path)) return [];
  // TypeScript's own reader: tsconfig files may hold comments and trailing commas.
  const config = ts.parseConfigFileTextToJson(path, readFileSync(path, "utf8")).config as {
    references?: { path: string }[];
  };
  const out: Violation[] = [];
  for (const ref of config.references ?? []) {
    const dep = byDir.get(resolve(pkg.dir, ref.path));
    if (dep === undefined || dep === pkg.manifest.name || !isFamilyPackage(dep)) continue;
    const target = LAYERS[dep]!;
    if (target >= layer) {
      out.push({
        where: `${pkg.relDir}/tsconfig.json`,
        message: `${pkg.manifest.name} (layer ${layer}) references ${dep} (layer ${target}): ${direction(layer, target)}`,
      });
    }
  }
  return out;
}

/** Every violation in the workspace at `root`, in a stable order. */
export function checkLayers(root: string): Violation[] {
  const packages = readPackages(root);
  const manifests = new Map(packages.map((p) => [p.manifest.name ?? p.relDir, p.manifest]));
  const byDir = new Map(packages.map((p) => [p.dir, p.manifest.name ?? p.relDir]));
  const out: Violation[] = [];
  for (const pkg of packages) {
    const name = pkg.manifest.name;
    if (name === undefined || !isFamilyPackage(name)) {
      out.push({
        where: `${pkg.relDir}/package.json`,
        message: `${name ?? "(no name)"} is not in DESIGN.md's layers table`,
      });
      continue;
    }
    const layer = LAYERS[name]!;
    out.push(...checkManifest(pkg, layer), ...checkReferences(pkg, layer, byDir));
    for (const file of sourceFiles(join(pkg.dir, "src"))) {
      const where = relative(root, file).split(sep).join("/");
      for (const ref of findImports(readFileSync(file, "utf8"))) {
        const message = checkImport(pkg, layer, file, ref.specifier, manifests);
        if (message !== null) out.push({ where: `${where}:${ref.line}`, message });
      }
    }
  }
  return out;
}
