// The types that know the format and the run time must not drift apart. For a large set of
// generated formats (every code, counts, whitespace, modes, records named, unnamed and
// mixed, sub-arrays, nesting, the ABI and int64 options) this unpacks zeroed bytes, writes
// the type of the value it got (`[number, { a: bigint }]`), and has the TypeScript compiler
// check that `UnpackedOf<format, options>` is exactly that type. Mutated formats check that
// the type-level reader rejects a format exactly when the runtime parser does, with the
// runtime's message at the start of its own.
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { calcSize, Struct, type StructOptions } from "../src/index.js";

const SEED = 20_261_206;
const VALUE_CASES = 300;
const ERROR_CASES = 200;

const ANY_MODE = "bBhHiIlLqQefd?cspFDuwx".split("").concat(["Zf", "Zd"]);
const NATIVE_ONLY = ["n", "N", "P"];
const MODES = ["@", "=", "<", ">", "!", "^"];
const OPTIONS: StructOptions[] = [
  {},
  { abi: "wasm32" },
  { abi: "llp64" },
  { abi: "lp64" },
  { int64: "number" },
  { abi: "wasm32", int64: "number" },
];

/** Whether the runtime names an unnamed member after NumPy (`T{i:a:i}` is a, f0). */
const numpyNaming = Object.keys(
  (new Struct("T{i:a:i}").unpack(new Uint8Array(8))[0] as object) ?? {},
).includes("f0");

/** A seeded random source (mulberry32): the same formats on every run. */
function randomSource(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A format generator. */
class Gen {
  native = true;
  readonly next: () => number;
  constructor(seed: number) {
    this.next = randomSource(seed);
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[this.int(0, xs.length - 1)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  space(): string {
    return this.chance(0.2) ? this.pick([" ", "\t", "\n", "  "]) : "";
  }
  count(): string {
    if (!this.chance(0.35)) return "";
    return this.pick(["0", "1", "2", "3", "5", "02"]);
  }
  code(): string {
    return this.native && this.chance(0.15) ? this.pick(NATIVE_ONLY) : this.pick(ANY_MODE);
  }
  /** One item; `names` is the set of names taken in its record (or at the top level). */
  item(depth: number, names: Set<string>, named: boolean): string {
    let text: string;
    const roll = this.next();
    if (roll < 0.15 && depth < 5) {
      text = `${this.count()}T{${this.record(depth + 1)}}`;
    } else if (roll < 0.27) {
      const dims = Array.from({ length: this.int(1, 2) }, () => String(this.int(0, 3)));
      const mode = this.chance(0.2) ? this.mode() : "";
      text = `(${dims.join(",")})${mode}${this.count()}${this.code()}`;
    } else {
      text = `${this.count()}${this.code()}`;
    }
    if (named && !text.endsWith("x")) {
      let name = this.pick(["a", "b", "c", "d", "e", "xy", "z"]);
      if (numpyNaming && this.chance(0.15)) name = this.pick(["f0", "f1", "f2"]);
      while (names.has(name)) name += "_";
      names.add(name);
      text += `:${name}:`;
    }
    return text;
  }
  mode(): string {
    const m = this.pick(MODES);
    this.native = m === "@" || m === "^";
    return m;
  }
  record(depth: number): string {
    const names = new Set<string>();
    const n = this.int(0, 4);
    const style = this.pick(["unnamed", "named", "mixed"]);
    // Without NumPy's naming in the runtime, the rules agree only for unnamed members
    // before named ones; otherwise any order.
    const firstNamed = style === "mixed" ? this.int(0, n) : style === "named" ? 0 : n;
    let out = this.chance(0.3) ? this.mode() : "";
    for (let i = 0; i < n; i++) {
      const named = numpyNaming && style === "mixed" ? this.chance(0.5) : i >= firstNamed;
      out += this.space() + this.item(depth, names, named);
      if (this.chance(0.1)) out += this.mode();
    }
    return out;
  }
  format(): string {
    this.native = true;
    let out = this.chance(0.7) ? this.mode() : "";
    const n = this.int(0, 6);
    const names = new Set<string>();
    for (let i = 0; i < n; i++) out += this.space() + this.item(0, names, this.chance(0.1));
    return out + this.space();
  }
}

/** The type of a value the runtime gave, written as TypeScript. */
function typeOf(v: unknown): string {
  switch (typeof v) {
    case "number":
    case "bigint":
    case "boolean":
    case "string":
      return typeof v;
    default:
      break;
  }
  if (v instanceof Uint8Array) return "Uint8Array<ArrayBuffer>";
  if (Array.isArray(v)) return `[${v.map(typeOf).join(", ")}]`;
  if (v !== null && typeof v === "object") {
    if (Object.getPrototypeOf(v) === Object.prototype) return "Complex";
    const fields = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}: ${typeOf(x)}`);
    return `{ ${fields.join("; ")} }`;
  }
  throw new Error(`unexpected value ${String(v)}`);
}

const HERE = fileURLToPath(new URL(".", import.meta.url));
const CHECK_FILE = `${HERE}__format-types-drift__.ts`;

/** Compile `body` (beside this test, importing the struct sources) and return its errors. */
function compile(body: string): string[] {
  const source = `import type { Complex, FormatErrorOf, UnpackedOf } from "../src/index.js";
type Equal<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Is<T extends true> = T;
type Rejects<F, M extends string> = FormatErrorOf<F> extends \`\${M}\${string}\` ? true : false;
type Accepts<F> = [FormatErrorOf<F>] extends [never] ? true : false;
${body}`;
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    lib: ["lib.es2024.d.ts"],
    types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile.bind(host);
  host.getSourceFile = (name, lang, ...rest) =>
    name === CHECK_FILE ? ts.createSourceFile(name, source, lang) : read(name, lang, ...rest);
  host.fileExists = (
    (exists) => (name: string) =>
      name === CHECK_FILE || exists(name)
  )(host.fileExists.bind(host));
  const program = ts.createProgram([CHECK_FILE], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .map((d) => {
      const line =
        d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
      const text = line >= 0 ? source.split("\n")[line] : "";
      return `${ts.flattenDiagnosticMessageText(d.messageText, " ")}\n    at: ${text}`;
    })
    .slice(0, 10);
}

describe("types and runtime agree", () => {
  it("on the shape of every value of generated formats", () => {
    const gen = new Gen(SEED);
    const lines: string[] = [];
    const formats = new Set<string>();
    while (formats.size < VALUE_CASES) {
      const fmt = gen.format();
      if (formats.has(fmt)) continue;
      formats.add(fmt);
      const opts = gen.pick(OPTIONS);
      const s = new Struct(fmt, opts);
      const type = typeOf(s.unpack(new Uint8Array(s.size)));
      const args = `${JSON.stringify(fmt)}, ${JSON.stringify(opts)}`;
      lines.push(`type V${lines.length} = Is<Equal<UnpackedOf<${args}>, ${type}>>;`);
    }
    expect(compile(lines.join("\n"))).toEqual([]);
  });

  it("on which formats are malformed, and the message", () => {
    const gen = new Gen(SEED + 1);
    const lines: string[] = [];
    const formats = new Set<string>();
    let rejected = 0;
    while (formats.size < ERROR_CASES) {
      let fmt = gen.format();
      const at = gen.int(0, fmt.length);
      fmt = gen.chance(0.3)
        ? fmt.slice(0, at) + fmt.slice(at + 1)
        : fmt.slice(0, at) + gen.pick([..."yj:(){}T03 <>&Z,gO"]) + fmt.slice(at);
      if (formats.has(fmt)) continue;
      formats.add(fmt);
      const f = JSON.stringify(fmt);
      let message: string | null = null;
      try {
        calcSize(fmt);
      } catch (e) {
        message = (e as Error).message;
      }
      if (message === null) lines.push(`type E${lines.length} = Is<Accepts<${f}>>;`);
      else {
        rejected++;
        lines.push(`type E${lines.length} = Is<Rejects<${f}, ${JSON.stringify(message)}>>;`);
      }
    }
    // Both kinds are well represented.
    expect(rejected).toBeGreaterThan(ERROR_CASES / 4);
    expect(rejected).toBeLessThan((ERROR_CASES * 3) / 4);
    expect(compile(lines.join("\n"))).toEqual([]);
  });
});
