/**
 * What an entry costs a user, measured twice: `own`, the entry bundled with other
 * `@pybuffer/*` packages (and `pybuffer`) left external, so each package is charged for its
 * own code; and `full`, bundled with everything it imports, as a user's bundle would hold
 * it. Both minified ESM as a bundler would ship it, then gzipped at level 9. `node:`
 * built-ins stay external. A per-function entry is the bundle of a module that
 * re-exports just those names from the package's built file, so the bundler drops
 * everything else it can.
 */
import { existsSync } from "node:fs";
import { dirname } from "node:path";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import type { Entry } from "./entries.js";

export interface Size {
  readonly minified: number;
  readonly gzip: number;
}

export interface Measured extends Entry {
  readonly own: Size;
  readonly full: Size;
}

const FAMILY = ["@pybuffer/*", "pybuffer"];

export async function measure(entry: Entry): Promise<Measured> {
  if (!existsSync(entry.file)) {
    throw new Error(`${entry.specifier}: ${entry.file} does not exist (run the build first)`);
  }
  return {
    ...entry,
    own: await bundle(entry, FAMILY),
    full: await bundle(entry, []),
  };
}

async function bundle(entry: Entry, external: string[]): Promise<Size> {
  const { file, names } = entry;
  const input =
    names === undefined
      ? { entryPoints: [file] }
      : {
          stdin: {
            contents: `export { ${names.join(", ")} } from ${JSON.stringify(file)};\n`,
            resolveDir: dirname(file),
            loader: "js" as const,
          },
        };
  const result = await build({
    ...input,
    bundle: true,
    minify: true,
    format: "esm",
    platform: "neutral",
    target: "es2022",
    external: ["node:*", ...external],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length };
}
