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
// The Node files are laid out for as few modules as Node loads (Node 20's ESM loader
// spends about a millisecond on each, resolving, reading and linking it):
// - the main entry (`.`) is one file with all of its code;
// - another entry the main entry hands out whole (`@pybuffer/struct/errors`, the
//   umbrella's `struct`, `core`, `memoryview`) re-exports it, so they hand out one copy
//   of each class; the other entries are bundled together, importing from the main entry
//   the modules it hands out (every export the same binding, told from tsc's build) and
//   carrying the rest themselves (`@pybuffer/struct/print`'s pure functions), with what
//   two of them import statically in one chunk. The build checks that every entry
//   exports what tsc's does, the same binding wherever tsc's entries share one, and that
//   a module so copied into two files has no identity or state of its own (`checkCopy`);
// - an import of a dependency's subpath that its main entry hands out whole
//   (`@pybuffer/struct/errors`) imports the main entry, which the dependent loads anyway;
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
//
// `--cjs src/X.ts` also writes `dist/node/X.cjs`: the module as one CommonJS file with all
// of its code in it, importing `node:` builtins only (else the build fails), and
// exporting what tsc's `dist/X.js` does. The CLI's bin, a CommonJS file, answers
// `pybuf --help` from `src/help.ts` so built, without starting Node's ES module loader
// (issue #20: on Node 20 an ES module file starts a few milliseconds later than a
// CommonJS one).
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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

/** The command line: extra ES module entries, and `--cjs` ones (`help` for `src/help.ts`). */
const { esm: extraEntries, cjs: commonJsEntries } = commandLine(process.argv.slice(2));

function commandLine(args) {
  const esm = [];
  const cjs = [];
  for (let i = 0; i < args.length; i++) {
    const commonJs = args[i] === "--cjs";
    const file = commonJs ? args[++i] : args[i];
    const name = /^src\/(.+)\.ts$/.exec(file ?? "")?.[1];
    if (name === undefined) fail(`an entry is src/X.ts, not ${file}`);
    (commonJs ? cjs : esm).push(name);
  }
  return { esm, cjs };
}

/** The entries of the `exports` map (`print/index` for `./dist/print/index.js`). */
const exported = new Set();

/**
 * Rolldown's input (output name → source file): every subpath of the `exports` map, which
 * must read `{ types, node: "./dist/node/X.js", default: "./dist/X.js" }` for `src/X.ts`,
 * and the extra entries.
 */
function entryPoints() {
  const entries = new Set(extraEntries);
  for (const [subpath, target] of Object.entries(manifest.exports ?? {})) {
    if (subpath === "./package.json") continue;
    const built = /^\.\/dist\/(.+)\.js$/.exec(target?.default ?? "");
    if (built === null || target.node !== `./dist/node/${built[1]}.js`) {
      fail(`exports["${subpath}"] must have default ./dist/X.js and node ./dist/node/X.js`);
    }
    entries.add(built[1]);
    exported.add(built[1]);
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
 * from the main entry instead (`rewriteImports`), which the dependent loads anyway, so
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
  redirected.set(source, sameBindings(sub, whole));
}

/** `part`'s export names when `whole` exports each of them as the same binding, else null. */
function sameBindings(part, whole) {
  const names = Object.keys(part);
  const same = names.length > 0 && names.every((n) => n in whole && whole[n] === part[n]);
  return same ? names : null;
}

/**
 * The package's own modules its main entry hands out whole: a source module every export
 * of which the main entry exports too, as the same binding (told from tsc's build of both,
 * `dist/X.js`). The other entries import these from the main entry's Node file instead of
 * carrying them (`MAIN` specifiers, resolved in `rewriteImports`). Source file → its export
 * names, or `null`.
 */
const throughMain = new Map();
const MAIN = "build-package:main/";
let mainExports;
/** The source modules bundled into the main entry's Node file. */
const mainModules = new Set();

async function handedOutByMain(file) {
  if (!throughMain.has(file)) {
    const path = relative(join(dir, "src"), file);
    let names = null;
    // Only a module of the main entry can be handed out by it, and importing one runs
    // nothing that importing the main entry does not (the CLI's `main.ts` would run).
    if (mainModules.has(file) && path.endsWith(".ts")) {
      mainExports ??= await import(pathToFileURL(join(dir, "dist", "index.js")).href);
      const built = join(dir, "dist", path.replace(/\.ts$/, ".js"));
      if (existsSync(built))
        names = sameBindings(await import(pathToFileURL(built).href), mainExports);
    }
    throughMain.set(file, names);
  }
  return throughMain.get(file);
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

/** `to` (a path in `dist/node`) as a specifier in the file `from`: `../index.js`. */
function relativeSpecifier(from, to) {
  const path = relative(dirname(join(outdir, from)), join(outdir, to))
    .split(sep)
    .join("/");
  return path.startsWith(".") ? path : `./${path}`;
}

/**
 * The plugin of both builds: bare imports stay imports of the declared packages; in the
 * build of the entries other than the main one (`viaMain`), the package's modules the
 * main entry hands out are imported from it.
 */
function externals(viaMain) {
  return {
    name: "declared-externals",
    async resolveId(source, importer) {
      if (importer === undefined) return null;
      if (/^[./]/.test(source)) {
        if (!viaMain) return null;
        const resolved = await this.resolve(source, importer, { skipSelf: true });
        if (resolved === null || resolved.external) return resolved;
        const names = await handedOutByMain(resolved.id);
        return names === null ? resolved : { id: MAIN + resolved.id, external: true };
      }
      if (source.startsWith("node:") || declared.has(packageName(source))) {
        await viaMainEntry(source);
        return { id: source, external: true };
      }
      this.error(`${relative(dir, importer)} imports "${source}", not a dependency of the package`);
    },
    renderChunk: rewriteImports,
  };
}

/**
 * The chunk's imports of a module its package's main entry hands out whole, rewritten to
 * import the main entry: `export * from` one becomes the list of its names (less those
 * the chunk exports itself, as `export *` leaves them); `import * as` one would see the
 * whole main entry, and fails the build.
 */
function rewriteImports(code, chunk) {
  const text = new RolldownMagicString(code);
  let changed = false;
  for (const statement of code.matchAll(/^(import|export) (?:(.+) from )?"([^"]+)";?$/gm)) {
    const [whole, keyword, clause, source] = statement;
    const own = source.startsWith(MAIN);
    const names = own ? throughMain.get(source.slice(MAIN.length)) : redirected.get(source);
    if (names === undefined || names === null) continue;
    if (clause?.startsWith("* as ")) {
      if (!own) continue;
      fail(`${chunk.fileName}: "${whole}" would see the whole main entry`);
    }
    const target = own ? relativeSpecifier(chunk.fileName, "index.js") : packageName(source);
    const rewritten =
      clause === "*"
        ? `export { ${names.filter((n) => !chunk.exports.includes(n)).join(", ")} } from "${target}";`
        : `${keyword} ${clause === undefined ? "" : `${clause} from `}"${target}";`;
    text.overwrite(statement.index, statement.index + whole.length, rewritten);
    changed = true;
  }
  if (text.toString().includes(MAIN)) fail(`${chunk.fileName}: an import of ${MAIN} left`);
  return changed
    ? { code: text.toString(), map: JSON.parse(text.generateMap({ hires: true }).toString()) }
    : null;
}

/**
 * A file of re-exports only (the CLI's library entry, an entry the main entry hands out
 * whole) has no code to map, and rolldown writes no map for it; every built file gets one
 * anyway, naming the sources it came from with their text, as the other maps do.
 */
function writeReexports(fileName, code, moduleIds) {
  const file = join(outdir, fileName);
  const sources = moduleIds.filter((id) => existsSync(id));
  const map = {
    version: 3,
    file: basename(file),
    sources: sources.map((id) => relative(dirname(file), id).split(sep).join("/")),
    sourcesContent: sources.map((id) => readFileSync(id, "utf8")),
    names: [],
    mappings: "",
  };
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(`${file}.map`, `${JSON.stringify(map)}\n`);
  writeFileSync(file, `${code}\n//# sourceMappingURL=${basename(file)}.map\n`);
}

/**
 * A module the main entry does not hand out whole is bundled into it and into the other
 * entries that use it: two copies, harmless for functions and constants, not for what has
 * an identity or a state (a class, a non-`Symbol.for` symbol, a weak collection, a
 * module-level `let`), which the two copies would each have their own of. Such a module
 * fails the build: the main entry has to export all of it, or the others not use it.
 */
function checkCopy(id, fileName) {
  const source = readFileSync(id, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
  const state =
    /\bclass\s|\bSymbol\(|\bnew (?:WeakMap|WeakSet|WeakRef|FinalizationRegistry)\b|^(?:export\s+)?(?:let|var)\s/m;
  const found = state.exec(source);
  if (found !== null) {
    fail(
      `${relative(dir, id)} is copied into dist/node/index.js and ${fileName} but has ` +
        `"${found[0].trim()}", of which each copy would have its own: export all of the ` +
        "module from the main entry (the others then import it from there), or keep it out of the others",
    );
  }
}

/** Bundles `input` into `dist/node` (see the top of this file). */
async function bundle(input, viaMain) {
  const build = await rolldown({
    cwd: dir,
    input,
    platform: "neutral",
    plugins: [externals(viaMain)],
    // engines: Node >= 20.19; ES2022 is also the `target` of the tsc build.
    transform: { target: ["es2022", "node20.19"] },
  });
  const { output } = await build.write({
    dir: outdir,
    format: "esm",
    entryFileNames: "[name].js",
    chunkFileNames: "chunk-[hash].js",
    // What two entries import statically goes into one chunk, not one per set of
    // entries: Node loads one file more, not several. Modules only imported dynamically
    // (the CLI's commands) keep their own chunks.
    codeSplitting: { groups: [{ name: "shared", minShareCount: 2, tags: ["$initial"] }] },
    sourcemap: true,
    minify: false,
    comments: { legal: true, annotation: true, jsdoc: false },
  });
  await build.close();
  for (const chunk of output) {
    if (chunk.type !== "chunk") continue;
    for (const id of chunk.moduleIds) {
      if (!viaMain) mainModules.add(id);
      else if (mainModules.has(id)) checkCopy(id, chunk.fileName);
    }
    if (chunk.map === null) writeReexports(chunk.fileName, chunk.code, chunk.moduleIds);
    checkClassNames(chunk);
  }
}

/**
 * A class renamed to dodge a name clash in the merged scope (`Foo$1`) would show that
 * name in `.name`, `util.inspect` and messages: rename one of the two in the sources.
 */
function checkClassNames(chunk) {
  const renamed = /(?:^|\n)(?:export )?(?:class ([\w$]+\$\d+)\b|var ([\w$]+\$\d+) = class\b)/.exec(
    chunk.code,
  );
  if (renamed !== null)
    fail(`dist/node/${chunk.fileName}: class ${renamed[1] ?? renamed[2]} was renamed`);
}

/**
 * `src/<name>.ts` as `dist/node/<name>.cjs` (`--cjs`): one CommonJS file with all of its
 * code, importing `node:` builtins only, exporting the names tsc's `dist/<name>.js` does.
 */
async function bundleCommonJs(name) {
  const file = `${name}.cjs`;
  const build = await rolldown({
    cwd: dir,
    input: { [name]: join(dir, "src", `${name}.ts`) },
    // `node`: `import.meta.url` becomes the file's own URL (`__filename`'s).
    platform: "node",
    plugins: [
      {
        name: "builtins-only",
        resolveId(source, importer) {
          if (importer === undefined || /^[./]/.test(source)) return null;
          if (source.startsWith("node:")) return { id: source, external: true };
          this.error(`${relative(dir, importer)} imports "${source}", which ${file} cannot`);
        },
      },
    ],
    transform: { target: ["es2022", "node20.19"] },
  });
  const { output } = await build.write({
    dir: outdir,
    format: "cjs",
    // Strict mode, as the ES module it was.
    strict: true,
    entryFileNames: "[name].cjs",
    sourcemap: true,
    minify: false,
    comments: { legal: true, annotation: true, jsdoc: false },
  });
  await build.close();
  const chunks = output.filter((o) => o.type === "chunk");
  if (chunks.length !== 1)
    fail(`${file} is not one file: src/${name}.ts imports a module dynamically`);
  checkClassNames(chunks[0]);
  const built = createRequire(import.meta.url)(join(outdir, file));
  const plain = await import(pathToFileURL(join(dir, "dist", `${name}.js`)).href);
  if (Object.keys(built).join() !== Object.keys(plain).join()) {
    fail(`dist/node/${file} exports other names than dist/${name}.js`);
  }
}

/**
 * What the Node files must keep of the tsc build: each entry exports the same names, and
 * two entries hand out one binding under a name exactly where tsc's build does (a class
 * keeps one identity; the umbrella's `legacy` has a `fromMemory` of its own).
 */
async function checkEntries(entries) {
  const built = [];
  for (const name of entries) {
    const load = (path) => import(pathToFileURL(join(path, `${name}.js`)).href);
    const [node, plain] = await Promise.all([load(outdir), load(join(dir, "dist"))]);
    if (Object.keys(node).join() !== Object.keys(plain).join()) {
      fail(`dist/node/${name}.js exports other names than dist/${name}.js`);
    }
    built.push({ name, node, plain });
  }
  for (const a of built) {
    for (const b of built) {
      const differs = (n) =>
        n in b.node && (a.node[n] === b.node[n]) !== (a.plain[n] === b.plain[n]);
      const name = a.name < b.name ? Object.keys(a.node).find(differs) : undefined;
      if (name !== undefined)
        fail(`dist/node/${a.name}.js and ${b.name}.js: ${name} is not as in dist/`);
    }
  }
}

const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const typecheck = spawnSync(process.execPath, [tsc, "-b"], { cwd: dir, stdio: "inherit" });
if (typecheck.status !== 0) process.exit(typecheck.status ?? 1);

rmSync(outdir, { recursive: true, force: true });
// The main entry is one file with all of its code: Node loads one module for it. Each
// other entry the main entry hands out whole re-exports it; the rest are bundled
// together, importing from the main entry what it hands out.
const input = entryPoints();
const { index: main, ...others } = input;
if (main === undefined) fail('the exports map has no "." entry (src/index.ts)');
await bundle({ index: main }, false);
const rest = {};
for (const [name, file] of Object.entries(others)) {
  const names = await handedOutByMain(file);
  if (names === null) rest[name] = file;
  else {
    const fileName = `${name}.js`;
    const target = relativeSpecifier(fileName, "index.js");
    writeReexports(fileName, `export { ${names.join(", ")} } from "${target}";`, [file]);
  }
}
if (Object.keys(rest).length > 0) await bundle(rest, true);
await checkEntries([...exported]);
for (const name of commonJsEntries) await bundleCommonJs(name);
