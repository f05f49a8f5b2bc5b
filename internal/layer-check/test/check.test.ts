import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { checkLayers } from "../src/index.js";

const REPO = fileURLToPath(new URL("../../../", import.meta.url));
const temps: string[] = [];

/** A throw-away workspace: `files` maps relative paths to contents (objects become JSON). */
function workspace(files: Record<string, string | object>): string {
  const root = mkdtempSync(join(tmpdir(), "layer-check-"));
  temps.push(root);
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    const text = typeof content === "string" ? content : JSON.stringify(content);
    writeFileSync(join(root, path), text);
  }
  return root;
}

function manifest(name: string, dependencies: Record<string, string> = {}, extra: object = {}) {
  return { name, exports: { ".": "./dist/index.js" }, dependencies, ...extra };
}

const CLEAN = {
  "packages/struct/package.json": manifest("@pybuffer/struct"),
  "packages/struct/src/index.ts": 'export * from "./errors.js";\n',
  "packages/core/package.json": manifest("@pybuffer/core", { "@pybuffer/struct": "workspace:^" }),
  "packages/core/src/index.ts":
    'import { StructError } from "@pybuffer/struct";\nexport { StructError };\n',
  "packages/memoryview/package.json": manifest("@pybuffer/memoryview", {
    "@pybuffer/core": "workspace:^",
  }),
  "packages/memoryview/src/view.ts": 'import type { X } from "@pybuffer/core";\n',
};

afterEach(() => {
  for (const root of temps.splice(0)) rmSync(root, { recursive: true, force: true });
});

describe("checkLayers", () => {
  it("passes a workspace that follows the layers", () => {
    expect(checkLayers(workspace(CLEAN))).toEqual([]);
  });

  it("reports an upward dependency in package.json", () => {
    const root = workspace({
      ...CLEAN,
      "packages/struct/package.json": manifest(
        "@pybuffer/struct",
        {},
        {
          devDependencies: { "@pybuffer/core": "workspace:^" },
        },
      ),
    });
    expect(checkLayers(root)).toEqual([
      {
        where: "packages/struct/package.json",
        message:
          "@pybuffer/struct (layer 0) lists @pybuffer/core (layer 1) in devDependencies: upward",
      },
    ]);
  });

  it("reports a sideways dependency and a sideways import", () => {
    const root = workspace({
      ...CLEAN,
      "packages/legacy/package.json": manifest("@pybuffer/legacy", {
        "@pybuffer/memoryview": "workspace:^",
      }),
      "packages/legacy/src/buffer.ts": '\n\nexport { MemoryView } from "@pybuffer/memoryview";\n',
    });
    expect(checkLayers(root)).toEqual([
      {
        where: "packages/legacy/package.json",
        message:
          "@pybuffer/legacy (layer 2) lists @pybuffer/memoryview (layer 2) in dependencies: sideways",
      },
      {
        where: "packages/legacy/src/buffer.ts:3",
        message: "@pybuffer/legacy (layer 2) imports @pybuffer/memoryview (layer 2): sideways",
      },
    ]);
  });

  it("reports an upward dynamic import even without a manifest entry", () => {
    const root = workspace({
      ...CLEAN,
      "packages/core/src/lazy.ts": 'export const m = () => import("pybuffer");\n',
    });
    expect(checkLayers(root)).toEqual([
      {
        where: "packages/core/src/lazy.ts:1",
        message: "@pybuffer/core (layer 1) imports pybuffer (layer 3): upward",
      },
    ]);
  });

  it("reports a relative path into another package's files", () => {
    const root = workspace({
      ...CLEAN,
      "packages/core/src/deep/copy.ts": 'import { x } from "../../../struct/src/errors.js";\n',
    });
    expect(checkLayers(root)).toEqual([
      {
        where: "packages/core/src/deep/copy.ts:1",
        message:
          "relative import ../../../struct/src/errors.js reaches outside packages/core into another package's files",
      },
    ]);
  });

  it("reports a deep import past the exports map and an undeclared dependency", () => {
    const root = workspace({
      ...CLEAN,
      "packages/memoryview/src/a.ts": 'import "@pybuffer/core/src/view.js";\n',
      "packages/memoryview/src/b.ts": 'import { StructError } from "@pybuffer/struct";\n',
    });
    expect(checkLayers(root).map((v) => v.message)).toEqual([
      "imports @pybuffer/core/src/view.js: @pybuffer/core does not export ./src/view.js (no reaching into its files)",
      "imports @pybuffer/struct, which package.json does not list in dependencies or peerDependencies",
    ]);
  });

  it("ignores import-like text in comments and strings", () => {
    const root = workspace({
      ...CLEAN,
      "packages/struct/src/doc.ts":
        '// import { x } from "@pybuffer/core";\nexport const s = "import(\'pybuffer\')";\n',
    });
    expect(checkLayers(root)).toEqual([]);
  });

  it("reports an upward tsconfig project reference", () => {
    const root = workspace({
      ...CLEAN,
      // tsconfig files may hold comments and trailing commas
      "packages/core/tsconfig.json":
        '{\n  // references\n  "references": [{ "path": "../struct" }, { "path": "../memoryview" },],\n}\n',
    });
    expect(checkLayers(root)).toEqual([
      {
        where: "packages/core/tsconfig.json",
        message: "@pybuffer/core (layer 1) references @pybuffer/memoryview (layer 2): upward",
      },
    ]);
  });

  it("reports a package missing from the layers table", () => {
    const root = workspace({
      ...CLEAN,
      "packages/extra/package.json": manifest("@pybuffer/extra"),
    });
    expect(checkLayers(root)).toEqual([
      {
        where: "packages/extra/package.json",
        message: "@pybuffer/extra is not in DESIGN.md's layers table",
      },
    ]);
  });

  it("passes this repository", () => {
    expect(checkLayers(REPO)).toEqual([]);
  });
});
