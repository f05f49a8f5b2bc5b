/**
 * Finds the reference interpreters. Each is looked up the way this project's machines
 * provide it (pyenv), then on PATH, and confirmed by running it: a candidate that does
 * not report the expected version is not used.
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";

/** The interpreters the project compares against. */
export type PythonKind = "3.13" | "2.7" | "numpy";

export interface PythonCommand {
  readonly kind: PythonKind;
  readonly command: string;
  readonly env: NodeJS.ProcessEnv;
  readonly version: string;
}

interface Candidate {
  command: string;
  env?: Record<string, string>;
}

function pyenvRoot(): string {
  return process.env.PYENV_ROOT ?? join(homedir(), ".pyenv");
}

function candidates(kind: PythonKind): Candidate[] {
  const root = pyenvRoot();
  switch (kind) {
    case "3.13":
      return [
        { command: process.env.PYBUFFER_PYTHON313 ?? "" },
        { command: join(root, "versions", "3.13.0", "bin", "python3.13") },
        { command: "python3.13", env: { PYENV_VERSION: "3.13.0" } },
      ];
    case "2.7":
      return [
        { command: process.env.PYBUFFER_PYTHON27 ?? "" },
        { command: join(root, "versions", "2.7.18", "bin", "python2.7") },
        { command: "python2.7", env: { PYENV_VERSION: "2.7.18" } },
      ];
    case "numpy":
      return [{ command: process.env.PYBUFFER_PYTHON_NUMPY ?? "" }, { command: "python3" }];
  }
}

const PROBE: Record<PythonKind, string> = {
  "3.13":
    "import sys, _testbuffer; assert sys.version_info[:2] == (3, 13); print(sys.version.split()[0])",
  "2.7": "import sys; assert sys.version_info[:2] == (2, 7); buffer; print(sys.version.split()[0])",
  numpy: "import sys, numpy; print(sys.version.split()[0] + ' numpy ' + numpy.__version__)",
};

const found = new Map<PythonKind, PythonCommand | null>();

/** The interpreter of that kind, or `null` when this machine has none. Cached. */
export function findPython(kind: PythonKind): PythonCommand | null {
  const known = found.get(kind);
  if (known !== undefined) return known;
  let result: PythonCommand | null = null;
  for (const candidate of candidates(kind)) {
    if (candidate.command === "") continue;
    if (candidate.command.includes("/") && !existsSync(candidate.command)) continue;
    const env = { ...process.env, ...candidate.env };
    const probe = spawnSync(candidate.command, ["-c", PROBE[kind]], { env, encoding: "utf8" });
    if (probe.status === 0) {
      result = { kind, command: candidate.command, env, version: probe.stdout.trim() };
      break;
    }
  }
  found.set(kind, result);
  return result;
}

/** Like {@link findPython}, but throws a clear error when the interpreter is missing. */
export function requirePython(kind: PythonKind): PythonCommand {
  const python = findPython(kind);
  if (python === null) {
    throw new Error(
      `no Python ${kind} interpreter found (tried pyenv ${pyenvRoot()} and PATH); ` +
        "set PYBUFFER_PYTHON313 / PYBUFFER_PYTHON27 / PYBUFFER_PYTHON_NUMPY to point at one",
    );
  }
  return python;
}
