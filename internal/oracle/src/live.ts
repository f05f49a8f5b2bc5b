/**
 * A live Python process for property tests: one process, JSON lines both ways
 * (py/server.py), requests pipelined so a batch of thousands costs one round trip.
 */
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { findPython, type PythonKind } from "./python.js";
import { encodeForPython, type Outcome, parseOracle } from "./values.js";

const SERVER = fileURLToPath(new URL("../py/server.py", import.meta.url));

interface Pending {
  resolve(outcome: Outcome): void;
  reject(error: Error): void;
}

export class LivePython {
  readonly kind: PythonKind;
  readonly version: string;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, Pending>();
  private nextId = 0;
  private stderr = "";

  private constructor(kind: PythonKind, version: string, child: ChildProcessWithoutNullStreams) {
    this.kind = kind;
    this.version = version;
    this.child = child;
    child.stderr.setEncoding("utf8");
    child.stderr.on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    createInterface({ input: child.stdout }).on("line", (line) => this.answer(line));
    child.on("exit", (code) => this.failAll(new Error(`python exited (${code}): ${this.stderr}`)));
  }

  /** Starts the interpreter of that kind, or returns `null` when the machine has none. */
  static start(kind: PythonKind): LivePython | null {
    const python = findPython(kind);
    if (python === null) return null;
    const child = spawn(python.command, ["-u", SERVER], { env: python.env, stdio: "pipe" });
    return new LivePython(kind, python.version, child);
  }

  /** Calls `module.fn(*args)` in Python (module from py/), giving its value or exception. */
  call(module: string, fn: string, args: readonly unknown[]): Promise<Outcome> {
    const id = this.nextId++;
    const request = JSON.stringify({ id, module, fn, args: encodeForPython(args) });
    return new Promise<Outcome>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.child.stdin.write(`${request}\n`);
    });
  }

  /** Many calls of one function, pipelined. */
  batch(module: string, fn: string, argsList: readonly (readonly unknown[])[]): Promise<Outcome[]> {
    return Promise.all(argsList.map((args) => this.call(module, fn, args)));
  }

  close(): void {
    this.child.stdin.end();
    this.child.kill();
  }

  private answer(line: string): void {
    const answer = parseOracle<{ id: number; outcome?: Outcome; internal?: string }>(line);
    const pending = this.pending.get(answer.id);
    if (pending === undefined) return;
    this.pending.delete(answer.id);
    if (answer.outcome !== undefined) pending.resolve(answer.outcome);
    else pending.reject(new Error(`oracle request failed: ${answer.internal}`));
  }

  private failAll(error: Error): void {
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}
