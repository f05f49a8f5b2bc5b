/**
 * Start time (issue #20): whole processes, as a short-lived tool, a serverless function or
 * a test runner pays for them on every start. The reference is a bare `node -e 0`; beside
 * it, Node importing one of our packages and doing nothing else, the `pybuf` command
 * printing its help and its version, and CPython starting with its `struct` module
 * (`python3.13 -c 'import struct'`). Each timed call spawns one process and waits for it
 * to end (`spawnSync`), so a row's figure is the whole process: Node's own start, module
 * loading and the package's top-level work. The Node rows run on the Node running the
 * bench (`pnpm bench -- --node 24` measures Node 24), from this package's folder, where
 * the packages resolve as a user's `node_modules` would hold them.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { findPython } from "@pybuffer-internal/oracle";
import type { Kind, Row, Section } from "../case.js";
import { check } from "../case.js";

export interface StartData {
  /** Where the Node rows run: the bench package's folder. */
  readonly cwd: string;
  /** The `pybuf` command's file (`@pybuffer/cli`'s bin). */
  readonly pybuf: string;
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

/** A row that runs `command args` to its end; it returns `exit 0`, or what went wrong. */
function processRow(
  name: string,
  kind: Kind,
  command: (d: StartData) => [string, string[]],
  env: NodeJS.ProcessEnv = childEnv(),
): Row<StartData> {
  return {
    name,
    kind,
    output: "value",
    setup: (d) => {
      const [file, args] = command(d);
      return () => {
        const run = spawnSync(file, args, { cwd: d.cwd, env, encoding: "utf8" });
        if (run.error !== undefined) return `not started: ${run.error.message}`;
        if (run.status !== 0) return `exit ${run.status ?? run.signal}: ${run.stderr.trim()}`;
        return "exit 0";
      };
    },
  };
}

/** `node --input-type=module -e 'import "<specifier>"'`. */
function importRow(specifier: string): Row<StartData> {
  const code = `import ${JSON.stringify(specifier)};`;
  return processRow(`import "${specifier}"`, "ours", () => [
    process.execPath,
    ["--input-type=module", "-e", code],
  ]);
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

export const start: Section<StartData> = {
  id: "start",
  title:
    "start a process: bare `node`, `node` importing a package, `pybuf --help`/`--version`, CPython",
  unit: "start",
  python: "spawned",
  make: () => ({ cwd: HERE, pybuf: pybufBin() }),
  items: () => 1,
  checks: {
    value: (out) => check(out === "exit 0", () => String(out)),
  },
  rows: () => [
    processRow("bare node -e 0", "js", () => [process.execPath, ["-e", "0"]]),
    // What spawning costs the bench itself (more from a large parent process): every row
    // pays it, so (row − this) ÷ (bare node − this) is the ratio a small parent would see.
    processRow("spawn cost: /bin/true", "js", () => ["/bin/true", []]),
    // The floor of every import row: Node starting its ES module loader for an empty
    // module, before any package is resolved or loaded.
    processRow("floor: node --input-type=module -e ''", "js", () => [
      process.execPath,
      ["--input-type=module", "-e", ""],
    ]),
    importRow("@pybuffer/struct"),
    importRow("@pybuffer/core"),
    importRow("pybuffer"),
    // npy also loads fflate (the deflate of `.npz` archives).
    importRow("@pybuffer/npy"),
    // What any command written as a CommonJS file pays on the Node running the bench
    // before it does anything: the floor under `pybuf --help` and `pybuf --version`, which
    // the bin (a CommonJS file) answers without loading the ES module CLI.
    processRow("floor: a CommonJS file that writes one line", "js", () => [
      process.execPath,
      [join(HERE, "floor", "print-line.cjs")],
    ]),
    // The same as an ES module file: on Node 20 it starts the ES module loader, a few
    // milliseconds more (the bin was one until issue #20).
    processRow("floor: an ES module file that writes one line", "js", () => [
      process.execPath,
      [join(HERE, "floor", "print-line.mjs")],
    ]),
    processRow("pybuf --help", "ours", (d) => [process.execPath, [d.pybuf, "--help"]]),
    processRow("pybuf --version", "ours", (d) => [process.execPath, [d.pybuf, "--version"]]),
    pythonRow(),
  ],
  pythonFiles: () => ({}),
};
