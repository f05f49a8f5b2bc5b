/**
 * The entries users import: every published package's `exports` subpaths (but
 * `./package.json`), resolved to the built files they point at.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { FUNCTION_ENTRIES } from "./functions.js";

export interface Entry {
  /** Package name, the key of `budgets.json`. */
  readonly pkg: string;
  /** Import path as a user writes it: `@pybuffer/struct`, `@pybuffer/struct/sub`. */
  readonly specifier: string;
  /** Absolute path of the built file. */
  readonly file: string;
  /**
   * For a per-function entry: the names a user imports from the file (`import { unpack }
   * from "pybuffer"`), measured as a bundle of only those (tree-shaken), with deps.
   */
  readonly names?: readonly string[];
}

interface Manifest {
  name: string;
  private?: boolean;
  exports?: Record<string, string | Record<string, string>>;
}

function target(value: string | Record<string, string>): string | undefined {
  return typeof value === "string" ? value : (value.import ?? value.default);
}

export function publishedEntries(root: string): Entry[] {
  const packagesDir = join(root, "packages");
  const entries: Entry[] = [];
  for (const dir of readdirSync(packagesDir).sort()) {
    const manifestPath = join(packagesDir, dir, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as Manifest;
    if (manifest.private) continue;
    for (const [subpath, value] of Object.entries(manifest.exports ?? {})) {
      const file = target(value);
      if (subpath === "./package.json" || file === undefined) continue;
      entries.push({
        pkg: manifest.name,
        specifier: subpath === "." ? manifest.name : `${manifest.name}${subpath.slice(1)}`,
        file: join(packagesDir, dir, file),
      });
    }
  }
  return entries;
}

/**
 * The per-function entries of {@link FUNCTION_ENTRIES}, each measured as a user's bundle
 * of `import { name } from specifier` and budgeted under the key `specifier {name}`.
 */
export function functionEntries(published: readonly Entry[]): Entry[] {
  return FUNCTION_ENTRIES.map(({ specifier, names }) => {
    const entry = published.find((e) => e.specifier === specifier);
    if (entry === undefined) throw new Error(`size: no published entry ${specifier}`);
    const key = `${specifier} {${names.join(", ")}}`;
    return { pkg: key, specifier: key, file: entry.file, names };
  });
}
