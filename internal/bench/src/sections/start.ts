/**
 * Start time (issue #20): whole processes, as a short-lived tool, a serverless function or
 * a test runner pays for them on every start. Each timed call spawns one process and waits
 * for it to end (`spawnSync`), so a row's figure is the whole process: Node's own start,
 * module loading and the package's top-level work.
 *
 * One section per Node version users run, in the same bench run: `start` on the Node
 * running the bench, `start-node22` and `start-node24` on the pinned Node 22 and 24, the
 * two LTS lines (node-versions.json; each binary is the npm registry's `node` package,
 * fetched by npx as the tests' is, see scripts/node-versions.mjs). Node's ES module loader
 * costs Node 20 more than the later ones, so the targets of the issue read differently. Each section's reference is a bare
 * `node -e 0` of its own Node; beside it, that Node importing one of our packages and doing
 * nothing else (from this package's folder, where the packages resolve through pnpm's
 * `node_modules` links, and `import "pybuffer"` once more as npm installs it:
 * start-installed.ts), the `pybuf` command printing its help and its version, and floors
 * (what any ES module or CommonJS command pays). The `start` section also runs CPython
 * starting with its `struct` module (`python3.13 -c 'import struct'`). When a pinned Node cannot
 * be obtained (no network and no npx cache), every row of its section says so.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findPython } from "@pybuffer-internal/oracle";
import { nodeBinary, pinnedNode } from "../../../../scripts/node-versions.mjs";
import type { Kind, Row, Scale, Section } from "../case.js";
import { check } from "../case.js";
import { failure, type Installed, npmInstalled } from "./start-installed.js";

export interface StartData {
  /** The `node` binary the Node rows run, or why there is none. */
  readonly node: string | { readonly unavailable: string };
  /** Where the Node rows run: the bench package's folder. */
  readonly cwd: string;
  /** The `pybuf` command's file (`@pybuffer/cli`'s bin). */
  readonly pybuf: string;
  /** A project with the packages as npm installs them, or why there is none. */
  readonly installed: Installed;
}

/** One Node version's start section. */
interface StartNode {
  readonly id: string;
  /** `Node 24.21.0 (pinned)`, for the title. */
  readonly label: string;
  /** The binary; throws when it cannot be obtained. */
  binary(): string;
  /** Whether the section also runs CPython's row (one section does). */
  readonly python: boolean;
}

const HERE = fileURLToPath(new URL("../..", import.meta.url));

/** The file `@pybuffer/cli` names as its `pybuf` bin, resolved as npm links it. */
function pybufBin(): string {
  const manifest = join(HERE, "node_modules", "@pybuffer", "cli", "package.json");
  const { bin } = JSON.parse(readFileSync(manifest, "utf8")) as { bin: Record<string, string> };
  return join(dirname(manifest), bin.pybuf!);
}

/**
 * The environment of a child: ours, without options meant for the bench's own Node, and
 * without `NODE_EXTRA_CA_CERTS`, which makes every Node process read and parse a file of
 * certificates at start (on this machine's CI image: ~35 ms, more than a bare `node`).
 */
function childEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env = { ...process.env, ...extra };
  delete env.NODE_OPTIONS;
  delete env.NODE_EXTRA_CA_CERTS;
  return env;
}

/** The section's `node`, for rows that only run where it is available. */
function nodeOf(d: StartData): string {
  if (typeof d.node !== "string") throw new Error("no node binary");
  return d.node;
}

/**
 * A row that runs `command args` to its end, in `cwd` (the bench's folder by default); it
 * returns `exit 0`, or what went wrong.
 */
function processRow(
  name: string,
  kind: Kind,
  command: (d: StartData) => [string, string[]],
  env: NodeJS.ProcessEnv = childEnv(),
  cwd: (d: StartData) => string = (d) => d.cwd,
): Row<StartData> {
  return {
    name,
    kind,
    output: "value",
    setup: (d) => {
      const [file, args] = command(d);
      const options = { cwd: cwd(d), env, encoding: "utf8" } as const;
      return () => {
        const run = spawnSync(file, args, options);
        if (run.error !== undefined) return `not started: ${run.error.message}`;
        if (run.status !== 0) return `exit ${run.status ?? run.signal}: ${run.stderr.trim()}`;
        return "exit 0";
      };
    },
  };
}

/** `node --input-type=module -e 'import "<specifier>"'`, from the bench's folder. */
function importRow(specifier: string): Row<StartData> {
  const code = `import ${JSON.stringify(specifier)};`;
  return processRow(`import "${specifier}"`, "ours", (d) => [
    nodeOf(d),
    ["--input-type=module", "-e", code],
  ]);
}

/** The same import from the project where npm installed the packages' tarballs. */
function installedImportRow(specifier: string, installed: Installed): Row<StartData> {
  const name = `import "${specifier}" (npm install)`;
  if (typeof installed !== "string") return { name, kind: "ours", ...installed };
  const code = `import ${JSON.stringify(specifier)};`;
  return processRow(
    name,
    "ours",
    (d) => [nodeOf(d), ["--input-type=module", "-e", code]],
    childEnv(),
    () => installed,
  );
}

function pythonRow(): Row<StartData> {
  const name = "python3.13 -c 'import struct'";
  const python = findPython("3.13");
  if (python === null) {
    return { name, kind: "cpython", unavailable: "python3.13 not found (pyenv 3.13.0)" };
  }
  return processRow(
    name,
    "cpython",
    () => [python.command, ["-c", "import struct"]],
    childEnv(python.env),
  );
}

/** Every row of a start section, on the section's Node. */
function startRows(installed: Installed, withPython: boolean): Row<StartData>[] {
  return [
    processRow("bare node -e 0", "js", (d) => [nodeOf(d), ["-e", "0"]]),
    // What spawning costs the bench itself (more from a large parent process): every row
    // pays it, so (row − this) ÷ (bare node − this) is the ratio a small parent would see.
    processRow("spawn cost: /bin/true", "js", () => ["/bin/true", []]),
    // The floor of every import row: Node starting its ES module loader for an empty
    // module, before any package is resolved or loaded.
    processRow("floor: node --input-type=module -e ''", "js", (d) => [
      nodeOf(d),
      ["--input-type=module", "-e", ""],
    ]),
    importRow("@pybuffer/struct"),
    importRow("@pybuffer/core"),
    importRow("pybuffer"),
    // The umbrella as a user's project holds it: npm's flat node_modules, no links.
    installedImportRow("pybuffer", installed),
    installedImportRow("@pybuffer/struct", installed),
    // npy also loads fflate (the deflate of `.npz` archives).
    importRow("@pybuffer/npy"),
    // What any command written as a CommonJS file pays on this Node before it does
    // anything: the floor under `pybuf --help` and `pybuf --version`, which the bin (a
    // CommonJS file) answers without loading the ES module CLI.
    processRow("floor: a CommonJS file that writes one line", "js", (d) => [
      nodeOf(d),
      [join(HERE, "floor", "print-line.cjs")],
    ]),
    // The same as an ES module file: on Node 20 it starts the ES module loader, a few
    // milliseconds more (the bin was one until issue #20).
    processRow("floor: an ES module file that writes one line", "js", (d) => [
      nodeOf(d),
      [join(HERE, "floor", "print-line.mjs")],
    ]),
    processRow("pybuf --help", "ours", (d) => [nodeOf(d), [d.pybuf, "--help"]]),
    processRow("pybuf --version", "ours", (d) => [nodeOf(d), [d.pybuf, "--version"]]),
    ...(withPython ? [pythonRow()] : []),
  ];
}

/** The start section of one Node version. */
function startSection(node: StartNode): Section<StartData> {
  const python = node.python ? ", CPython" : " (CPython: section `start`)";
  return {
    id: node.id,
    title: `start a process on ${node.label}: bare \`node\`, \`node\` importing a package, \`pybuf --help\`/\`--version\`${python}`,
    unit: "start",
    python: "spawned",
    make: (scale: Scale) => {
      let binary: StartData["node"];
      try {
        binary = node.binary();
      } catch (error) {
        binary = { unavailable: `${node.label} not obtainable (${failure(error)})` };
      }
      // Only where the section can run: packing and installing takes seconds.
      const installed: Installed =
        typeof binary === "string" ? npmInstalled(scale) : { unavailable: "" };
      return { node: binary, cwd: HERE, pybuf: pybufBin(), installed };
    },
    items: () => 1,
    checks: {
      value: (out) => check(out === "exit 0", () => String(out)),
    },
    rows: (d) => {
      const rows = startRows(d.installed, node.python);
      const missing = d.node;
      if (typeof missing === "string") return rows;
      // Without its Node the section has nothing to compare: every row says why.
      return rows.map((r) => ({ name: r.name, kind: r.kind, ...missing }));
    },
    pythonFiles: () => ({}),
  };
}

/** On the Node running the bench (`pnpm bench -- --node 24` makes that Node 24 too). */
export const start: Section<StartData> = startSection({
  id: "start",
  label: `Node ${process.version.slice(1)} (the bench's)`,
  binary: () => process.execPath,
  python: true,
});

/** On a pinned Node version (node-versions.json), whatever Node runs the bench. */
function pinnedStart(major: string): Section<StartData> {
  const version = pinnedNode(major);
  return startSection({
    id: `start-node${major}`,
    label: `Node ${version} (pinned)`,
    binary: () => (process.version === `v${version}` ? process.execPath : nodeBinary(major)),
    python: false,
  });
}

/** The two LTS lines users run: 22 (maintenance) and 24 (active). */
export const startNode22: Section<StartData> = pinnedStart("22");
export const startNode24: Section<StartData> = pinnedStart("24");
