/**
 * Regenerates every vectors file from its generator: `gen/<name>.py` (first lines name
 * the interpreter: `# oracle: 3.13`, `# oracle: 2.7` or `# oracle: numpy`) or
 * `gen/<name>.ts` (run with tsx, for Pyodide). Each generator prints its document on
 * stdout; it is written to `vectors/<name>.json`.
 *
 *   tsx src/regenerate.ts            rewrite every vectors file
 *   tsx src/regenerate.ts --check    regenerate and fail if any committed file differs
 *   tsx src/regenerate.ts NAME...    only these generators
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type PythonKind, requirePython } from "./python.js";
import { VECTORS_DIR } from "./vectors.js";

const GEN_DIR = fileURLToPath(new URL("../gen/", import.meta.url));
const MARKER = /^# oracle: (3\.13|2\.7|numpy)\s*$/m;

function run(file: string): string {
  const path = `${GEN_DIR}${file}`;
  let command: string;
  let args: string[];
  let env: NodeJS.ProcessEnv = process.env;
  if (file.endsWith(".py")) {
    const kind = MARKER.exec(readFileSync(path, "utf8"))?.[1] as PythonKind | undefined;
    if (kind === undefined) throw new Error(`${file}: no '# oracle: <kind>' line`);
    const python = requirePython(kind);
    command = python.command;
    args = [path];
    env = { ...python.env, PYTHONHASHSEED: "0" };
  } else {
    command = process.execPath;
    args = ["--import", "tsx", path];
  }
  const result = spawnSync(command, args, {
    env,
    encoding: "utf8",
    maxBuffer: 1 << 30,
    cwd: GEN_DIR,
  });
  if (result.status !== 0) {
    throw new Error(`${file} failed (${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

function main(argv: string[]): number {
  const check = argv.includes("--check");
  const only = argv.filter((a) => !a.startsWith("--"));
  const generators = readdirSync(GEN_DIR)
    .filter((f) => /\.(py|ts)$/.test(f) && !f.startsWith("_"))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.(py|ts)$/, "")))
    .sort();
  const stale: string[] = [];
  for (const file of generators) {
    const name = file.replace(/\.(py|ts)$/, "");
    const target = `${VECTORS_DIR}${name}.json`;
    const started = performance.now();
    const text = run(file);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (check) {
      const committed = existsSync(target) ? readFileSync(target, "utf8") : "";
      const same = committed === text;
      if (!same) stale.push(name);
      console.log(`${same ? "same " : "DIFF "} ${name}.json (${seconds}s)`);
    } else {
      writeFileSync(target, text);
      console.log(`wrote ${name}.json (${(text.length / 1024).toFixed(0)} KiB, ${seconds}s)`);
    }
  }
  if (stale.length > 0) {
    console.error(
      `vectors differ from what CPython gives now: ${stale.join(", ")}\n` +
        "run `pnpm vectors` and commit the result",
    );
    return 1;
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
