/**
 * The entries users import: every published package's `exports` subpaths (but
 * `./package.json`), resolved to the built files they point at; and, for the packages
 * in {@link FUNCTION_ENTRIES}, one entry per import a user may make alone
 * (`import { unpack } from "@pybuffer/struct"`), so that each function pays only for
 * what it uses.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Entry {
  /**
   * The key of `budgets.json`: the package name, or for a per-function entry its
   * specifier (`@pybuffer/struct {unpack}`), which has a budget of its own.
   */
  readonly pkg: string;
  /** Import path as a user writes it: `@pybuffer/struct`, `@pybuffer/struct/sub`. */
  readonly specifier: string;
  /** Absolute path of the built file. */
  readonly file: string;
  /** A per-function entry: the names imported from `file`, alone. */
  readonly names?: readonly string[];
}

/**
 * The per-function entries: for each package, the import lists measured alone (each a
 * bundle of `export { …names } from "<package>"`).
 */
export const FUNCTION_ENTRIES: Readonly<Record<string, readonly (readonly string[])[]>> = {
  "@pybuffer/struct": [
    ["unpack"],
    ["pack"],
    ["calcSize"],
    ["unpackFrom"],
    ["packInto"],
    ["iterUnpack"],
    ["unpackColumns"],
    ["parseFormat"],
    ["Struct"],
  ],
};

function functionEntries(main: Entry): Entry[] {
  return (FUNCTION_ENTRIES[main.pkg] ?? []).map((names) => {
    const specifier = `${main.specifier} {${names.join(", ")}}`;
    return { pkg: specifier, specifier, file: main.file, names };
  });
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
      const entry: Entry = {
        pkg: manifest.name,
        specifier: subpath === "." ? manifest.name : `${manifest.name}${subpath.slice(1)}`,
        file: join(packagesDir, dir, file),
      };
      entries.push(entry);
      if (subpath === ".") entries.push(...functionEntries(entry));
    }
  }
  return entries;
}
