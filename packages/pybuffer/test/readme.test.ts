/**
 * The examples of this package's README and of the guide, run: each ```ts block is
 * executed, and every `expr; // => value` in it is checked, so the docs cannot rot.
 */
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { writeBlocks } from "./markdown-examples.js";

const DOCS = {
  "README.md": new URL("../../../README.md", import.meta.url),
  "packages/pybuffer/README.md": new URL("../README.md", import.meta.url),
  "docs/guide/from-python.md": new URL("../../../docs/guide/from-python.md", import.meta.url),
};
const TMP = fileURLToPath(new URL("./.examples/", import.meta.url));

describe.each(Object.entries(DOCS))("%s", (name, url) => {
  const dir = `${TMP}${name.replace(/\W/g, "_")}`;
  const { paths, remove } = writeBlocks(fileURLToPath(url), dir);
  afterAll(remove);

  it("has examples", () => {
    expect(paths.length).toBeGreaterThan(0);
  });

  it.each(paths)("runs the block at line $line", async ({ path }) => {
    await import(path);
  });
});

describe("the example harness", () => {
  it("turns `// =>` lines into checks and points imports at the source", async () => {
    const { asTestModule } = await import("./markdown-examples.js");
    const module = asTestModule(
      'import { pack } from "pybuffer/struct";\npack("<h", 1); // => 3\n',
    );
    expect(module).toContain('expect(pack("<h", 1)).toEqual(3);');
    expect(module).toMatch(/from ".*\/packages\/pybuffer\/src\/struct\.ts"/);
  });
});
