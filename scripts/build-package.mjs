#!/usr/bin/env node
// `node ../../scripts/build-package.mjs [src/extra.ts …]`, run by every package's `build`
// script from the package's folder: the package's `dist/`, one JavaScript file per entry.
//
// - tsc (`tsc -b`, project references) type-checks and writes the declarations
//   (`dist/**/*.d.ts` and their maps; tsconfig.build.json has `emitDeclarationOnly`);
// - rolldown writes the JavaScript: one ESM file per entry of the `exports` map (plus the
//   extra entries named on the command line, e.g. the CLI's `src/main.ts`), each with its
//   own sources bundled in. Node loads a package as one file instead of one per source
//   module, which is where the start-up time went (issue #20: `import "@pybuffer/struct"`
//   was 39 modules, `import "pybuffer"` about 250);
// - code two entries share goes into one chunk, so `@pybuffer/struct` and
//   `@pybuffer/struct/errors` hand out the same error classes (`instanceof` holds across
//   entries);
// - every dependency, peer dependency and `node:` builtin stays an import: each package
//   bundles only its own sources, so a class has one identity across the family. A bare
//   import the manifest does not declare fails the build;
// - not minified (stack traces stay readable); `.js.map` files carry the TypeScript they
//   map to (`sourcesContent`), since `src/` is not in the tarball;
// - rolldown and not esbuild: esbuild's scope hoisting renames classes (`class NDBuffer`
//   that names itself became `class _NDBuffer`, the umbrella's `MemoryView` became
//   `MemoryView2`), which `.name`, `util.inspect` and our own messages show; its fix,
//   `keepNames`, adds a `__name()` call per function (+1.3 KB gzip per package). Rolldown
//   keeps the names as written;
// - chunks sit in `dist/` beside the entries, so `new URL("../…", import.meta.url)` means
//   the same in every output file as in `src/` (the CLI finds its package files that way).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, sep } from "node:path";
import { rolldown } from "rolldown";

const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));

function fail(message) {
  console.error(`build-package (${manifest.name}): ${message}`);
  process.exit(1);
}

/** `src/…ts` of every `./dist/….js` the `exports` map points at, and the extra entries. */
function entryPoints() {
  const exports =
    typeof manifest.exports === "string" ? { ".": manifest.exports } : manifest.exports;
  const entries = new Set(process.argv.slice(2));
  for (const target of Object.values(exports ?? {})) {
    const file = typeof target === "string" ? target : (target.default ?? target.import);
    const built = file === undefined ? null : /^\.\/dist\/(.+)\.js$/.exec(file);
    if (built !== null) entries.add(`src/${built[1]}.ts`);
  }
  for (const entry of entries) if (!existsSync(join(dir, entry))) fail(`no ${entry}`);
  if (entries.size === 0) fail("the exports map names no ./dist/….js");
  // rolldown's input: output name (`print/index`) → source file.
  return Object.fromEntries(
    [...entries]
      .sort()
      .map((entry) => [entry.replace(/^src\//, "").replace(/\.ts$/, ""), join(dir, entry)]),
  );
}

/** The JavaScript of an earlier build (and of the per-module tsc builds before this script). */
function removeOldJavaScript(folder) {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) removeOldJavaScript(path);
    else if (/\.js(\.map)?$/.test(entry.name)) rmSync(path);
  }
}

const declared = new Set(
  ["dependencies", "peerDependencies", "optionalDependencies"].flatMap((field) =>
    Object.keys(manifest[field] ?? {}),
  ),
);
/** A bare specifier's package name: `@pybuffer/struct/errors` → `@pybuffer/struct`. */
const packageName = (specifier) =>
  specifier
    .split("/")
    .slice(0, specifier.startsWith("@") ? 2 : 1)
    .join("/");

const externals = {
  name: "declared-externals",
  resolveId(source, importer) {
    if (/^[./]/.test(source) || importer === undefined) return null;
    if (source.startsWith("node:") || declared.has(packageName(source))) {
      return { id: source, external: true };
    }
    this.error(`${relative(dir, importer)} imports "${source}", not a dependency of the package`);
  },
};

/**
 * A file of re-exports only (the CLI's library entry) has no code to map, and rolldown
 * writes no map for it; every built file gets one anyway, naming the sources it came
 * from with their text, as the other maps do (the install check reads them).
 */
function writeMapOfReexports(chunk) {
  const file = join(outdir, chunk.fileName);
  const sources = chunk.moduleIds.filter((id) => existsSync(id));
  const map = {
    version: 3,
    file: basename(file),
    sources: sources.map((id) => relative(dirname(file), id).split(sep).join("/")),
    sourcesContent: sources.map((id) => readFileSync(id, "utf8")),
    names: [],
    mappings: "",
  };
  writeFileSync(`${file}.map`, `${JSON.stringify(map)}\n`);
  writeFileSync(file, `${chunk.code}\n//# sourceMappingURL=${basename(file)}.map\n`);
}

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const typecheck = spawnSync(process.execPath, [tsc, "-b"], { cwd: dir, stdio: "inherit" });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

const outdir = join(dir, "dist");
removeOldJavaScript(outdir);
const bundle = await rolldown({
  cwd: dir,
  input: entryPoints(),
  platform: "neutral",
  plugins: [externals],
  // engines: Node >= 20.19; ES2022 is also the `target` tsc emitted before, for browsers.
  transform: { target: ["es2022", "node20.19"] },
});
const { output } = await bundle.write({
  dir: outdir,
  format: "esm",
  entryFileNames: "[name].js",
  chunkFileNames: "chunk-[hash].js",
  sourcemap: true,
  minify: false,
  // The doc comments stay in the maps' sources; in the code they were a third of the bytes
  // Node reads, decodes and parses at every start. `/* @__PURE__ */` marks stay for bundlers.
  comments: { legal: true, annotation: true, jsdoc: false },
});
await bundle.close();
// A class renamed to dodge a name clash in the merged scope (`Foo$1`) would show that name
// in `.name`, `util.inspect` and messages: rename one of the two in the sources instead.
for (const chunk of output) {
  if (chunk.type !== "chunk") continue;
  if (chunk.map === null) writeMapOfReexports(chunk);
  const renamed = /(?:^|\n)(?:export )?(?:class ([\w$]+\$\d+)\b|var ([\w$]+\$\d+) = class\b)/.exec(
    chunk.code,
  );
  if (renamed !== null)
    fail(`dist/${chunk.fileName}: class ${renamed[1] ?? renamed[2]} was renamed`);
}
