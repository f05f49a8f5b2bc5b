/** Reads the published packages of a workspace: `packages/*` with their manifests and sources. */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

export const DEPENDENCY_FIELDS = [
  "dependencies",
  "devDependencies",
  "peerDependencies",
  "optionalDependencies",
] as const;

export interface Manifest {
  readonly name?: string;
  readonly exports?: unknown;
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly peerDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

export interface WorkspacePackage {
  /** Absolute path of the package folder. */
  readonly dir: string;
  /** Path relative to the workspace root, with `/` separators: `packages/core`. */
  readonly relDir: string;
  readonly manifest: Manifest;
}

const SOURCE = /\.(?:[cm]?ts|tsx|[cm]?js|jsx)$/;

export function readPackages(root: string): WorkspacePackage[] {
  const packagesDir = join(root, "packages");
  if (!existsSync(packagesDir)) return [];
  return readdirSync(packagesDir)
    .sort()
    .filter((name) => existsSync(join(packagesDir, name, "package.json")))
    .map((name) => {
      const dir = join(packagesDir, name);
      const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest;
      return { dir, relDir: `packages/${name}`, manifest };
    });
}

/** Every source file under `dir` (recursively), skipping `node_modules`. */
export function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry === "node_modules") continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (SOURCE.test(entry)) out.push(path);
  }
  return out;
}

/** The subpaths a manifest's `exports` map offers: `"."`, `"./package.json"`, … */
export function exportedSubpaths(manifest: Manifest): string[] {
  const exports = manifest.exports;
  if (exports === undefined) return ["."];
  if (typeof exports === "string" || Array.isArray(exports)) return ["."];
  const keys = Object.keys(exports as object);
  return keys.every((k) => k.startsWith(".")) ? keys : ["."];
}
