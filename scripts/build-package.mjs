#!/usr/bin/env node
// `node ../../scripts/build-package.mjs [src/extra.ts …]`, run by every package's `build`
// script from the package's folder. It writes `dist/` twice over:
//
// - tsc (`tsc -b`, project references): one module per source file, with declarations
//   and maps (`dist/**`), as before. Bundlers get these (the `default` condition of the
//   `exports` map): with `sideEffects: false` they drop every module an import does not
//   reach, which one file per package would defeat (a bundle of `@pybuffer/legacy` grew
//   from 16.0 to 31.6 KB gzip when core was one file);
// - rolldown: one file per entry for Node (`dist/node/…`, the `node` condition), each
//   entry of the `exports` map (and the extra entries named on the command line, e.g. the
//   CLI's `src/main.ts`) with the package's own sources bundled in. Node loads a package as
//   one file instead of one per source module, which is where start-up time went (issue
//   #20: `import "@pybuffer/struct"` was 39 modules, `import "pybuffer"` about 250).
//
// The Node files:
// - code two entries share goes into one chunk, so `@pybuffer/struct` and
//   `@pybuffer/struct/errors` hand out the same error classes;
// - every dependency, peer dependency and `node:` builtin stays an import: each package
//   bundles only its own sources, so a class has one identity across the family. A bare
//   import the manifest does not declare fails the build;
// - not minified (stack traces stay readable), doc comments left out (a third of the bytes
//   Node reads and parses at each start); maps carry the TypeScript they map to
//   (`sourcesContent`), since `src/` is not in the tarball;
// - rolldown and not esbuild: esbuild's scope hoisting renames classes (`class NDBuffer`
//   that names itself became `class _NDBuffer`, the umbrella's `MemoryView` became
//   `MemoryView2`), which `.name`, `util.inspect` and our own messages show; its fix,
//   `keepNames`, adds a `__name()` call per function. Rolldown keeps names as written,
//   and a class it had to rename fails the build here.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, dirname, join, relative, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { RolldownMagicString, rolldown } from "rolldown";

const dir = process.cwd();
const manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
const outdir = join(dir, "dist", "node");

function fail(message) {
  console.error(`build-package (${manifest.name}): ${message}`);
  process.exit(1);
}

/**
 * Rolldown's input (output name → source file): every subpath of the `exports` map, which
 * must read `{ types, node: "./dist/node/X.js", default: "./dist/X.js" }` for `src/X.ts`,
 * and the extra entries.
 */
function entryPoints() {
  const entries = new Set(process.argv.slice(2).map((e) => e.replace(/^src\/(.+)\.ts$/, "$1")));
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (subpath === "./package.json") continue;
    const built = /^\.\/dist\/(.+)\.js$/.exec(target?.default ?? "");
    if (built === null || target.node !== `./dist/node/${built[1]}.js`) {
      fail(`exports["${subpath}"] must have default ./dist/X.js and node ./dist/node/X.js`);
    }
    entries.add(built[1]);
  }
  if (entries.size === 0) fail("the exports map names no ./dist/….js");
  const input = {};
  for (const name of [...entries].sort()) {
    input[name] = join(dir, "src", `${name}.ts`);
    if (!existsSync(input[name])) fail(`no src/${name}.ts`);
  }
  return input;
}

/**
 * Subpath imports of a workspace dependency (`@pybuffer/struct/errors`) whose every export
 * its main entry hands out too, as the same binding: the Node files import those names
 * from the main entry instead (`renderChunk` above), which the dependent loads anyway, so
 * Node loads and resolves one module fewer (issue #20: each module costs Node 20 about a
 * millisecond). Specifier → the subpath's export names, or `null` when it stays as it is.
 */
const redirected = new Map();
const requireHere = createRequire(join(dir, "package.json"));

async function viaMainEntry(source) {
  if (redirected.has(source)) return;
  const main = packageName(source);
  redirected.set(source, null);
  if (main === source || !/^workspace:/.test(manifest.dependencies?.[main] ?? "")) return;
  // The dependency's Node files, built before this package (turbo's `^build`).
  const load = (specifier) => import(pathToFileURL(requireHere.resolve(specifier)).href);
  const [sub, whole] = await Promise.all([load(source), load(main)]);
  const names = Object.keys(sub);
  if (names.every((name) => name in whole && whole[name] === sub[name])) {
    redirected.set(source, names);
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
  async resolveId(source, importer) {
    if (/^[./]/.test(source) || importer === undefined) return null;
    if (source.startsWith("node:") || declared.has(packageName(source))) {
      await viaMainEntry(source);
      return { id: source, external: true };
    }
    this.error(`${relative(dir, importer)} imports "${source}", not a dependency of the package`);
  },
  renderChunk(code, chunk) {
    const text = new RolldownMagicString(code);
    let changed = false;
    for (const statement of code.matchAll(/^(import|export) (.+) from "([^"]+)";?$/gm)) {
      const [whole, keyword, clause, source] = statement;
      const names = redirected.get(source);
      if (names === undefined || names === null || clause.startsWith("* as ")) continue;
      const main = packageName(source);
      // `export *` re-exports every name the chunk does not export itself.
      const rewritten =
        clause === "*"
          ? `export { ${names.filter((n) => !chunk.exports.includes(n)).join(", ")} } from "${main}";`
          : `${keyword} ${clause} from "${main}";`;
      text.overwrite(statement.index, statement.index + whole.length, rewritten);
      changed = true;
    }
    return changed
      ? { code: text.toString(), map: JSON.parse(text.generateMap({ hires: true }).toString()) }
      : null;
  },
};

/**
 * A file of re-exports only (the CLI's library entry) has no code to map, and rolldown
 * writes no map for it; every built file gets one anyway, naming the sources it came
 * from with their text, as the other maps do.
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

rmSync(outdir, { recursive: true, force: true });
const bundle = await rolldown({
  cwd: dir,
  input: entryPoints(),
  platform: "neutral",
  plugins: [externals],
  // engines: Node >= 20.19; ES2022 is also the `target` of the tsc build.
  transform: { target: ["es2022", "node20.19"] },
});
const { output } = await bundle.write({
  dir: outdir,
  format: "esm",
  entryFileNames: "[name].js",
  chunkFileNames: "chunk-[hash].js",
  codeSplitting: { groups: [{ name: "shared", minShareCount: 2, tags: ["$initial"] }] },
  sourcemap: true,
  minify: false,
  comments: { legal: true, annotation: true, jsdoc: false },
});
await bundle.close();
for (const chunk of output) {
  if (chunk.type !== "chunk") continue;
  if (chunk.map === null) writeMapOfReexports(chunk);
  // A class renamed to dodge a name clash in the merged scope (`Foo$1`) would show that
  // name in `.name`, `util.inspect` and messages: rename one of the two in the sources.
  const renamed = /(?:^|\n)(?:export )?(?:class ([\w$]+\$\d+)\b|var ([\w$]+\$\d+) = class\b)/.exec(
    chunk.code,
  );
  if (renamed !== null)
    fail(`dist/node/${chunk.fileName}: class ${renamed[1] ?? renamed[2]} was renamed`);
}
