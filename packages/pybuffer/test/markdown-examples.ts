/**
 * README and guide examples as tests: every ```ts block of a Markdown file becomes a
 * module in which `expr; // => value` lines are `expect(expr).toEqual(value)` and
 * imports of `pybuffer` (and its subpaths) point at this package's source.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const SRC = fileURLToPath(new URL("../src/", import.meta.url));

/** The ```ts blocks of a Markdown file, with the line each starts on. */
export function tsBlocks(markdown: string): { line: number; code: string }[] {
  const blocks: { line: number; code: string }[] = [];
  const pattern = /^```ts\n([\s\S]*?)^```$/gm;
  for (const match of markdown.matchAll(pattern)) {
    const line = markdown.slice(0, match.index).split("\n").length;
    blocks.push({ line, code: match[1]! });
  }
  return blocks;
}

/** One block as a test module's source. */
export function asTestModule(code: string): string {
  const body = code
    .replace(/from "pybuffer"/g, `from ${JSON.stringify(join(SRC, "index.ts"))}`)
    .replace(
      /from "pybuffer\/([\w-]+)"/g,
      (_, sub: string) => `from ${JSON.stringify(join(SRC, `${sub}.ts`))}`,
    )
    .split("\n")
    .map((line) => {
      const check = /^(\s*)(.+?);\s*\/\/ => (.+)$/.exec(line);
      return check === null ? line : `${check[1]}expect(${check[2]}).toEqual(${check[3]});`;
    })
    .join("\n");
  return `import { expect } from "vitest";\n${body}\nexport {};\n`;
}

/**
 * Writes each block of `markdownPath` as a module under `dir` and returns the paths,
 * with a function that removes them.
 */
export function writeBlocks(
  markdownPath: string,
  dir: string,
): { paths: { line: number; path: string }[]; remove(): void } {
  mkdirSync(dir, { recursive: true });
  const blocks = tsBlocks(readFileSync(markdownPath, "utf8"));
  const paths = blocks.map(({ line, code }) => {
    const path = join(dir, `block-${line}.ts`);
    writeFileSync(path, asTestModule(code));
    return { line, path };
  });
  return { paths, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
