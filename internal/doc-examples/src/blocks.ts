/**
 * Markdown examples as modules. Every ```ts block of a Markdown file becomes a module in
 * which
 *
 * - `expr; // => value` is `expect(expr).toEqual(value)` (a note may follow the value
 *   after ` // `: `calcSize("@bq"); // => 16 // native alignment`); a `// => value`
 *   line of its own checks the one-line `expr;` above it;
 * - `expr; // throws Name: message` checks that `expr` throws an error whose `name` is
 *   `Name` and whose `message` is `message` exactly (`// throws Name` checks the name
 *   only); with `await` in `expr`, that the promise rejects so;
 * - imports of the workspace's packages (`@pybuffer/core`, `pybuffer/struct`,
 *   `@pybuffer/struct/errors`, … every subpath of every `exports` map under `packages/`)
 *   point at the packages' source files, and an import of a subpath no package exports
 *   is an error.
 *
 * A block fenced ```ts skip (signatures, fragments) is shown highlighted but not run;
 * blocks of other languages (```sh, ```text, ```console) are left alone. Each output
 * line is the line it came from, so a failure's line number is the block's.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The workspace root. */
export const ROOT: string = fileURLToPath(new URL("../../../", import.meta.url));
const CHECKS = fileURLToPath(new URL("./checks.ts", import.meta.url));

export interface Block {
  /** 1-based line of the opening fence in the Markdown file. */
  readonly line: number;
  readonly code: string;
}

/** The ```ts blocks of a Markdown file (not ```ts skip ones), with the line each starts on. */
export function tsBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const pattern = /^```(ts|typescript)([^\S\n]+\S[^\n]*)?\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(pattern)) {
    const info = (match[2] ?? "").trim().split(/\s+/);
    if (info.includes("skip")) continue;
    if (info[0] !== "") throw new Error(`unknown fence info \`${match[0].split("\n")[0]}\``);
    const line = markdown.slice(0, match.index).split("\n").length;
    blocks.push({ line, code: match[3]! });
  }
  return blocks;
}

/**
 * Every import specifier the workspace's packages export, mapped to the source file its
 * `./dist/….js` target is built from: `@pybuffer/struct/errors` →
 * `…/packages/struct/src/errors.ts`, `pybuffer/core` → `…/packages/pybuffer/src/core.ts`.
 */
export function sourceEntryPoints(root: string = ROOT): Map<string, string> {
  const map = new Map<string, string>();
  const packages = join(root, "packages");
  for (const folder of readdirSync(packages).sort()) {
    const manifestPath = join(packages, folder, "package.json");
    if (!existsSync(manifestPath)) continue;
    const manifest = JSON.parse(readFileSync(manifestPath, "utf8")) as {
      name: string;
      exports?: string | Record<string, string | Record<string, string>>;
    };
    const exports =
      typeof manifest.exports === "string" ? { ".": manifest.exports } : manifest.exports;
    for (const [subpath, target] of Object.entries(exports ?? {})) {
      const built = typeof target === "string" ? target : (target.default ?? target.import);
      const parts = built === undefined ? null : /^\.\/dist\/(.+)\.js$/.exec(built);
      if (parts === null) continue; // ./package.json
      const source = join(packages, folder, "src", `${parts[1]}.ts`);
      if (!existsSync(source)) {
        throw new Error(
          `${manifest.name} exports ${subpath} from ${built}, but ${source} is missing`,
        );
      }
      map.set(`${manifest.name}${subpath.slice(1)}`, source);
    }
  }
  return map;
}

let cachedEntryPoints: Map<string, string> | undefined;

/** `sourceEntryPoints()` of this workspace, read once. */
function workspaceEntryPoints(): Map<string, string> {
  cachedEntryPoints ??= sourceEntryPoints();
  return cachedEntryPoints;
}

/** The package name of a bare specifier: `@scope/name/sub` → `@scope/name`. */
function packageOf(specifier: string): string {
  const parts = specifier.split("/");
  return parts.slice(0, specifier.startsWith("@") ? 2 : 1).join("/");
}

const IMPORT = /(\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)(["'])([^"'\n]+)\2/g;
const RESULT = /^(\s*)(.+?);\s*\/\/ => (.+)$/;
const ALONE = /^\s*\/\/ => (.+)$/;
const STATEMENT = /^(\s*)([^/\s].*);$/;
const THROWS = /^(\s*)(.+?);\s*\/\/ throws ([\w.]+)(?:: (.*))?$/;

/** Whether brackets open on a line all close on it (so it holds a whole statement). */
function balanced(line: string): boolean {
  let depth = 0;
  for (const char of line) {
    if ("([{".includes(char)) depth++;
    else if (")]}".includes(char) && --depth < 0) return false;
  }
  return depth === 0;
}

function resultCheck(indent: string, expr: string, comment: string): string {
  // ` // ` after the value starts a note.
  const value = comment.split(/\s\/\/\s/)[0]!.trim();
  return `${indent}expect(${expr}).toEqual(${value});`;
}

function throwsCheck(indent: string, expr: string, name: string, message?: string): string {
  const args = [JSON.stringify(name), ...(message === undefined ? [] : [JSON.stringify(message)])];
  return /\bawait\b/.test(expr)
    ? `${indent}await __expectRejects(async () => (${expr}), ${args.join(", ")});`
    : `${indent}__expectThrows(() => (${expr}), ${args.join(", ")});`;
}

/**
 * One block as a test module's source. Line n of the block is line n + 1 of the module
 * (the first line holds the module's own imports).
 */
export function asTestModule(
  code: string,
  entryPoints: ReadonlyMap<string, string> = workspaceEntryPoints(),
): string {
  const packages = new Set([...entryPoints.keys()].map(packageOf));
  const lines = code
    .replace(IMPORT, (whole, keyword: string, _quote: string, specifier: string) => {
      const source = entryPoints.get(specifier);
      if (source !== undefined) return `${keyword}${JSON.stringify(source)}`;
      if (packages.has(packageOf(specifier))) {
        throw new Error(
          `the example imports ${specifier}, which ${packageOf(specifier)} does not export`,
        );
      }
      return whole;
    })
    .replace(/\n$/, "")
    .split("\n");
  // A `// => value` line of its own checks the one-line statement before it.
  for (let i = 1; i < lines.length; i++) {
    const below = ALONE.exec(lines[i]!);
    const above = STATEMENT.exec(lines[i - 1]!);
    if (below === null || above === null || !balanced(above[2]!)) continue;
    lines[i - 1] = `${above[1]}${above[2]}; // => ${below[1]}`;
    lines[i] = "";
  }
  const out = lines.map((line, index) => {
    const result = RESULT.exec(line);
    if (result !== null) return resultCheck(result[1]!, result[2]!, result[3]!);
    const throws = THROWS.exec(line);
    if (throws !== null) return throwsCheck(throws[1]!, throws[2]!, throws[3]!, throws[4]);
    if (/\/\/ (=>|throws\b)/.test(line)) {
      throw new Error(
        `line ${index + 1} of the block: a \`// =>\` or \`// throws\` comment must follow ` +
          `\`expression;\` on one line: ${line.trim()}`,
      );
    }
    return line;
  });
  const header =
    'import { expect } from "vitest"; ' +
    `import { expectRejects as __expectRejects, expectThrows as __expectThrows } from ${JSON.stringify(CHECKS)};`;
  return `${header}\n${out.join("\n")}\nexport {};\n`;
}

export interface WrittenBlock {
  readonly line: number;
  readonly path: string;
}

/**
 * Writes each block of `markdownPath` as a module under `dir` and returns the paths,
 * with a function that removes `dir`.
 */
export function writeBlocks(
  markdownPath: string,
  dir: string,
): { paths: WrittenBlock[]; remove(): void } {
  // Every module is made before any is written: a block the harness refuses leaves no files.
  const modules = tsBlocks(readFileSync(markdownPath, "utf8")).map(({ line, code }) => {
    try {
      return { line, path: join(dir, `block-${line}.ts`), source: asTestModule(code) };
    } catch (error) {
      throw new Error(`${markdownPath}, block at line ${line}: ${(error as Error).message}`);
    }
  });
  mkdirSync(dir, { recursive: true });
  const paths = modules.map(({ line, path, source }) => {
    writeFileSync(path, source);
    return { line, path };
  });
  return { paths, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
