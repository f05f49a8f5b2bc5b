/** A vitest suite that runs the ```ts blocks of Markdown files (see `blocks.ts`). */
import { randomBytes } from "node:crypto";
import { mkdirSync, rmdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { ROOT, type WrittenBlock, writeBlocks } from "./blocks.js";

export interface ExampleOptions {
  /**
   * Files the examples read, by relative path. When given, each block runs with a scratch
   * directory holding them as the working directory (so `readFileSync("input.bin")`
   * reads the fixture, and whatever an example writes is removed with the rest).
   */
  readonly fixtures?: Readonly<Record<string, string | Uint8Array>>;
}

/** `markdown:line` for the first frame of `error` in the block module `path`. */
function whereInMarkdown(error: unknown, path: string, fence: number): number | null {
  if (!(error instanceof Error) || error.stack === undefined) return null;
  const at = error.stack.indexOf(`${path}:`);
  if (at < 0) return null;
  const line = Number.parseInt(error.stack.slice(at + path.length + 1), 10);
  // Module line 1 holds the imports; module line k + 1 is block line k, which is
  // Markdown line fence + k.
  return Number.isNaN(line) ? null : fence + line - 1;
}

/**
 * For each Markdown file (a path relative to the test file `testUrl`, the caller's
 * `import.meta.url`): a `describe` with one test per ```ts block, which imports the
 * block as a module, so its statements run and its `// =>` and `// throws` comments are
 * checked. The modules are written under `.examples/` next to the test file (so imports
 * resolve as the package's tests do) and removed afterwards.
 */
export function describeExamples(
  testUrl: string,
  markdownFiles: readonly string[],
  options: ExampleOptions = {},
): void {
  const scratch = fileURLToPath(new URL("./.examples/", testUrl));
  // One folder per run: two runs of the same test at once must not share files.
  const run = join(scratch, `${process.pid}-${randomBytes(4).toString("hex")}`);
  const cleanUp = (): void => {
    rmSync(run, { recursive: true, force: true });
    try {
      rmdirSync(scratch); // only when no other run is using it
    } catch {}
  };
  afterAll(cleanUp);

  for (const file of markdownFiles) {
    const markdown = fileURLToPath(new URL(file, testUrl));
    const name = relative(ROOT, markdown).split(sep).join("/");
    describe(name, () => {
      const dir = join(run, name.replace(/\W/g, "_"));
      let paths: WrittenBlock[];
      try {
        paths = writeBlocks(markdown, dir).paths;
      } catch (error) {
        cleanUp(); // a file that fails to collect runs no afterAll
        throw error;
      }
      for (const [fixture, content] of Object.entries(options.fixtures ?? {})) {
        mkdirSync(dirname(join(dir, fixture)), { recursive: true });
        writeFileSync(join(dir, fixture), content);
      }

      it("has examples", () => {
        expect(paths.length).toBeGreaterThan(0);
      });

      it.each(paths)("runs the block at line $line", async ({ line, path }) => {
        const cwd = process.cwd();
        if (options.fixtures !== undefined) process.chdir(dir);
        try {
          await import(pathToFileURL(path).href);
        } catch (error) {
          const at = whereInMarkdown(error, path, line);
          if (at !== null) (error as Error).message = `${name}:${at}: ${(error as Error).message}`;
          throw error;
        } finally {
          process.chdir(cwd);
        }
      });
    });
  }
}
