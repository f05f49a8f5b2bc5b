/**
 * The built package (`dist/`, one bundled file per entry of the `exports` map, and the
 * chunks they share): `@pybuffer/struct`, `@pybuffer/struct/errors` and
 * `@pybuffer/struct/print` hand out one copy of whatever two of them export, so a class
 * is the same class through every entry and `instanceof` holds by prototype, not only
 * by the brand check. Run in a plain Node child, importing the entries by name as a user
 * does (the package refers to itself through its `exports`).
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const PACKAGE = fileURLToPath(new URL("..", import.meta.url));

const PROBE = `
const index = await import("@pybuffer/struct");
const errors = await import("@pybuffer/struct/errors");
const print = await import("@pybuffer/struct/print");
const entries = { index, errors, print };
const differ = [];
for (const [a, x] of Object.entries(entries)) {
  for (const [b, y] of Object.entries(entries)) {
    if (a >= b) continue;
    for (const name of Object.keys(x)) if (name in y && x[name] !== y[name]) differ.push(a + "/" + b + ": " + name);
  }
}
let thrown;
try { index.pack("<h", 1 << 20); } catch (error) { thrown = error; }
const plain = Object.getPrototypeOf(thrown) === errors.StructError.prototype;
const shared = Object.keys(index).filter((n) => n in errors).length;
console.log(JSON.stringify({ differ, plain, shared, name: errors.StructError.name }));
`;

describe("the built entries of @pybuffer/struct", () => {
  it("share one copy of every export they have in common", () => {
    const run = spawnSync(process.execPath, ["--input-type=module", "-e", PROBE], {
      cwd: PACKAGE,
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    const result = JSON.parse(run.stdout) as {
      differ: string[];
      plain: boolean;
      shared: number;
      name: string;
    };
    expect(result.differ).toEqual([]);
    // Every error class and pythonErrorName: index re-exports all of errors' names.
    expect(result.shared).toBe(12);
    expect(result.plain).toBe(true);
    expect(result.name).toBe("StructError");
  });
});
