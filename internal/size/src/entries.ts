/**
 * The entries users import: every published package's `exports` subpaths (but
 * `./package.json`), resolved to the built files they point at.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface Entry {
  /** Package name, the key of `budgets.json`. */
  readonly pkg: string;
  /** Import path as a user writes it: `@pybuffer/struct`, `@pybuffer/struct/sub`. */
  readonly specifier: string;
  /** Absolute path of the built file. */
  readonly file: string;
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
