import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  asTestModule,
  describeExamples,
  expectRejects,
  expectThrows,
  sourceEntryPoints,
  tsBlocks,
  writeBlocks,
} from "../src/index.js";

const FENCE = "```";

describe("tsBlocks", () => {
  it("finds ```ts blocks with their fence line, and leaves others and ```ts skip alone", () => {
    const markdown = [
      "# Title", // 1
      `${FENCE}ts`, // 2
      "a;",
      FENCE,
      `${FENCE}sh`, // 5
      "npm install pybuffer",
      FENCE,
      `${FENCE}ts skip`, // 8
      "interface X { a: number }",
      FENCE,
      `${FENCE}typescript`, // 11
      "b;",
      "c;",
      FENCE,
    ].join("\n");
    expect(tsBlocks(markdown)).toEqual([
      { line: 2, code: "a;\n" },
      { line: 11, code: "b;\nc;\n" },
    ]);
  });

  it("refuses a fence info it does not know (a typo of skip would run the block)", () => {
    expect(() => tsBlocks(`${FENCE}ts skpi\na;\n${FENCE}\n`)).toThrow("unknown fence info");
  });
});

describe("sourceEntryPoints", () => {
  const map = sourceEntryPoints();

  it("maps every public specifier of every package to its source file", () => {
    for (const [specifier, file] of [
      ["pybuffer", "packages/pybuffer/src/index.ts"],
      ["pybuffer/struct", "packages/pybuffer/src/struct.ts"],
      ["pybuffer/node-buffer", "packages/pybuffer/src/node-buffer.ts"],
      ["@pybuffer/struct", "packages/struct/src/index.ts"],
      ["@pybuffer/struct/errors", "packages/struct/src/errors.ts"],
      ["@pybuffer/core", "packages/core/src/index.ts"],
      ["@pybuffer/memoryview", "packages/memoryview/src/index.ts"],
      ["@pybuffer/legacy", "packages/legacy/src/index.ts"],
      ["@pybuffer/typedarray", "packages/typedarray/src/index.ts"],
      ["@pybuffer/blob", "packages/blob/src/index.ts"],
      ["@pybuffer/node-buffer", "packages/node-buffer/src/index.ts"],
    ]) {
      expect(map.get(specifier!), specifier).toMatch(new RegExp(`/${file}$`));
      expect(existsSync(map.get(specifier!)!)).toBe(true);
    }
    expect(map.has("@pybuffer/core/package.json")).toBe(false);
  });
});

describe("asTestModule", () => {
  it("turns `// =>` lines into checks and points imports at the source", () => {
    const module = asTestModule(
      [
        'import { pack } from "pybuffer/struct";',
        'import { StructError } from "@pybuffer/struct/errors";',
        'const { calcSize } = await import("@pybuffer/struct");',
        'import "node:fs";',
        'pack("<h", 1); // => new Uint8Array([1, 0])',
        '  calcSize("@bq"); // => 16 // native alignment',
      ].join("\n"),
    );
    const lines = module.split("\n");
    expect(lines[1]).toMatch(/^import \{ pack \} from ".*\/packages\/pybuffer\/src\/struct\.ts";$/);
    expect(lines[2]).toMatch(/from ".*\/packages\/struct\/src\/errors\.ts";$/);
    expect(lines[3]).toMatch(/await import\(".*\/packages\/struct\/src\/index\.ts"\);$/);
    expect(lines[4]).toBe('import "node:fs";');
    expect(lines[5]).toBe('expect(pack("<h", 1)).toEqual(new Uint8Array([1, 0]));');
    expect(lines[6]).toBe('  expect(calcSize("@bq")).toEqual(16);');
  });

  it("checks the one-line statement above a `// =>` line of its own", () => {
    const module = asTestModule("  unpack(fmt, bytes);\n  // => [1, 2]\nf(\n  1);\n");
    expect(module.split("\n").slice(1, 5)).toEqual([
      "  expect(unpack(fmt, bytes)).toEqual([1, 2]);",
      "",
      "f(",
      "  1);",
    ]);
    expect(() => asTestModule("f(\n  1);\n// => 2\n")).toThrow("line 3 of the block");
  });

  it("turns `// throws` lines into checks, awaited where the expression awaits", () => {
    const module = asTestModule(
      [
        "pack(\"h\", 40000); // throws StructError: 'h' format requires -32768 <= number <= 32767",
        "f(); // throws TypeError",
        "await g(); // throws ValueError: no",
      ].join("\n"),
    );
    const lines = module.split("\n");
    expect(lines[1]).toBe(
      `__expectThrows(() => (pack("h", 40000)), "StructError", "'h' format requires -32768 <= number <= 32767");`,
    );
    expect(lines[2]).toBe('__expectThrows(() => (f()), "TypeError");');
    expect(lines[3]).toBe('await __expectRejects(async () => (await g()), "ValueError", "no");');
  });

  it("keeps each line where it was", () => {
    const code = "a;\nb; // => 1\n\nc; // throws E\n";
    expect(asTestModule(code).split("\n").length).toBe(1 + 4 + 2);
  });

  it("refuses a check it cannot place and an import no package exports", () => {
    expect(() => asTestModule("f(\n  1,\n) // => 2\n")).toThrow("line 3 of the block");
    expect(() => asTestModule('import { x } from "@pybuffer/core/src/x.js";')).toThrow(
      "the example imports @pybuffer/core/src/x.js, which @pybuffer/core does not export",
    );
    expect(asTestModule('import x from "pybuffer-other";')).toContain('from "pybuffer-other"');
  });
});

describe("expectThrows and expectRejects", () => {
  const fail = (): never => {
    throw new RangeError("out");
  };

  it("pass on the named error with the message", async () => {
    expectThrows(fail, "RangeError", "out");
    expectThrows(fail, "RangeError");
    await expectRejects(async () => fail(), "RangeError", "out");
  });

  it("fail on another error, another message, no error or an unawaited promise", async () => {
    expect(() => expectThrows(fail, "TypeError", "out")).toThrow();
    expect(() => expectThrows(fail, "RangeError", "in")).toThrow();
    expect(() => expectThrows(() => 1, "RangeError")).toThrow("nothing was thrown");
    expect(() => expectThrows(async () => fail(), "RangeError")).toThrow("write `await`");
    await expect(expectRejects(async () => 1, "RangeError")).rejects.toThrow("resolved");
  });
});

describe("writeBlocks", () => {
  const dir = mkdtempSync(join(tmpdir(), "doc-examples-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes one module per block and removes them", () => {
    const markdown = join(dir, "doc.md");
    writeFileSync(markdown, `text\n\n${FENCE}ts\n1; // => 1\n${FENCE}\n`);
    const { paths, remove } = writeBlocks(markdown, join(dir, "out"));
    expect(paths).toEqual([{ line: 3, path: join(dir, "out", "block-3.ts") }]);
    expect(readdirSync(join(dir, "out"))).toEqual(["block-3.ts"]);
    remove();
    expect(existsSync(join(dir, "out"))).toBe(false);
  });
});

// The suite itself, over this package's own example file, with a fixture.
describeExamples(import.meta.url, ["./fixtures/examples.md"], {
  fixtures: { "input.txt": "hello" },
});
