/**
 * The TypeScript twin of internal/oracle/py/legacy_live.py: builds the same specs and
 * runs the same steps on @pybuffer/legacy, giving outcomes in the oracle's shape, and
 * compares them with what Python 2.7 gave.
 */
import { getBuffer, releaseBuffer } from "@pybuffer/core";
import { pythonErrorName } from "@pybuffer/struct";
import { addressOf, formatPointer } from "../../src/address.js";
import {
  alloc,
  asCharBuffer,
  asReadBuffer,
  asWriteBuffer,
  type BufferObject,
  buffer,
  checkReadBuffer,
  fromMemory,
  fromObject,
  fromReadWriteMemory,
  fromReadWriteObject,
  isBuffer,
} from "../../src/index.js";
import { ArrayLike, ByteArrayLike, StrLike } from "./exporters.js";

export type Spec = readonly unknown[];
export type Step = readonly unknown[];
export type Outcome = { ok: unknown } | { error: string; message: string };

const HEADER = 64n;

interface Env {
  root: ByteArrayLike | null;
}

function build(spec: Spec, env: Env): unknown {
  const [kind, a, b, c] = spec as [string, unknown, unknown, unknown];
  switch (kind) {
    case "str":
      return new StrLike(a as Uint8Array);
    case "bytearray": {
      const made = new ByteArrayLike(a as Uint8Array);
      env.root ??= made;
      return made;
    }
    case "array":
      return new ArrayLike(a as Uint8Array);
    case "buffer":
      return (buffer as (...args: unknown[]) => BufferObject)(
        build(a as Spec, env),
        ...spec.slice(2),
      );
    case "fromObject":
    case "fromReadWriteObject": {
      const make = kind === "fromObject" ? fromObject : fromReadWriteObject;
      return make(build(a as Spec, env) as object, b as number, c as number);
    }
    case "fromMemory":
    case "fromReadWriteMemory": {
      const memory = new Uint8Array(a as Uint8Array).buffer;
      return (kind === "fromMemory" ? fromMemory : fromReadWriteMemory)(memory, b as number);
    }
    case "alloc":
      return alloc(a as number);
    case "list":
      return [...(a as unknown[])];
    case "int":
      return a;
    case "none":
      return null;
    case "unicode":
      return a as string;
    default:
      throw new Error(`unknown spec ${kind}`);
  }
}

/** repr with each address replaced by the role of what it points at (as the .py does). */
function reprTemplate(b: BufferObject): string {
  const names = new Map<string, string>();
  names.set(formatPointer(addressOf(b)), "{self}");
  if (b._base !== null) names.set(formatPointer(addressOf(b._base)), "{base}");
  if (b._memory !== null && !b._owned) {
    names.set(formatPointer(addressOf(b._memory, true) + BigInt(b._ptr)), "{memory}");
  }
  if (b._owned) names.set(formatPointer(addressOf(b) + HEADER), "{self+64}");
  return b.repr().replace(/0x[0-9a-f]+/g, (address) => names.get(address) ?? "{?}");
}

/** Our member for each slot wrapper the arity cases call. */
const SLOTS: Record<string, string> = {
  __getitem__: "get",
  __setitem__: "set",
  __mul__: "repeat",
  __add__: "concat",
  __cmp__: "compare",
  __hash__: "hash",
  __str__: "toBytes",
  __repr__: "repr",
};

function theBuffer(obj: unknown): BufferObject {
  if (!isBuffer(obj)) throw new Error("step needs a buffer object");
  return obj;
}

function step(obj: unknown, s: Step, env: Env): unknown {
  const [name, a, b, c, d] = s as [string, unknown, unknown, unknown, unknown];
  const value = (spec: unknown) => build(spec as Spec, env);
  switch (name) {
    case "asRead":
      return asReadBuffer(obj).slice();
    case "asWrite":
      return asWriteBuffer(obj).slice();
    case "asChar":
      return asCharBuffer(obj).slice();
    case "checkRead":
      return checkReadBuffer(obj);
    case "getbuffer": {
      const view = getBuffer(obj, a as number);
      try {
        return [view.len, view.readonly, new Uint8Array(view.memory, view.buf, view.len).slice()];
      } finally {
        releaseBuffer(view);
      }
    }
    case "resize":
      return env.root?.resize(a as number) ?? null;
    case "poke":
      return env.root?.poke(a as number, b as number) ?? null;
    case "root":
      return env.root?.bytes() ?? null;
  }
  const buf = theBuffer(obj);
  switch (name) {
    case "len":
      return buf.length;
    case "str":
      return buf.toBytes();
    case "get":
      return buf.get(a as number);
    case "slice":
      return buf.slice(a as number, b as number);
    case "xslice":
      return buf.slice(a as number, b as number, c as number);
    case "set":
      return buf.set(a as number, value(b)) ?? null;
    case "setslice":
      return buf.setSlice(a as number, b as number, value(c)) ?? null;
    case "xsetslice":
      return buf.setSlice(a as number, b as number, value(d), c as number) ?? null;
    case "concat": {
      const operand = value(a);
      const result = buf.concat(operand);
      return { same: result === operand, value: result === operand ? null : result };
    }
    case "repeat":
      return buf.repeat(a as number);
    case "hash":
      return buf.hash();
    case "repr":
      return reprTemplate(buf);
    case "cmp":
      return buf.compare(value(a) as BufferObject);
    case "eq":
      return buf.equals(value(a));
    case "in":
      return buf.includes(value(a));
    case "iter":
      return [...buf];
    case "call": {
      // A slot wrapper called with `b` zeros: our member for it, with as many arguments.
      const member = SLOTS[a as string] as keyof BufferObject;
      const method = buf[member] as (...args: unknown[]) => unknown;
      return method.apply(buf, new Array<number>(b as number).fill(0));
    }
    default:
      throw new Error(`unknown step ${name}`);
  }
}

function outcome(run: () => unknown): Outcome {
  try {
    return { ok: run() };
  } catch (error) {
    const name = pythonErrorName(error) ?? "?";
    if (name === "?") throw error;
    return { error: name, message: (error as Error).message };
  }
}

/** Builds `spec`, runs `steps`: one outcome per item, build first (legacy_live.run). */
export function runScript(spec: Spec, steps: readonly Step[]): Outcome[] {
  const env: Env = { root: null };
  let obj: unknown;
  const built = outcome(() => {
    obj = build(spec, env);
    return null;
  });
  if (!("ok" in built)) return [built];
  return [built, ...steps.map((s) => outcome(() => step(obj, s, env)))];
}
