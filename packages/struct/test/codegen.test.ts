import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileCodec, MAX_UNROLL } from "../src/codec/compile.js";
import { buildProgram } from "../src/codec/ir.js";
import { parseFormat, pythonErrorName, Struct } from "../src/index.js";

/** Result or [error class, message] of a call, for comparing the two paths. */
function outcome(fn: () => unknown): unknown {
  try {
    const v = fn();
    return { ok: v };
  } catch (e) {
    return { error: pythonErrorName(e), message: (e as Error).message };
  }
}

const CODES = "xcbB?hHiIlLqQnNefdspPFD";
const STD_CODES = "xcbB?hHiIlLqQefdspFD";

const item = (codes: string): fc.Arbitrary<string> =>
  fc
    .tuple(fc.constantFrom("", "", "0", "1", "2", "3"), fc.constantFrom(...codes.split("")))
    .map(([n, c]) => n + c);

const format: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.constantFrom("", "@", "^"), fc.array(item(CODES), { maxLength: 6 }))
    .map(([p, items]) => p + items.join("")),
  fc
    .tuple(fc.constantFrom("=", "<", ">", "!"), fc.array(item(STD_CODES), { maxLength: 6 }))
    .map(([p, items]) => p + items.join("")),
  fc
    .tuple(fc.array(item("bhiqdZ"), { minLength: 1, maxLength: 3 }), fc.boolean())
    .map(([items, named]) => {
      const fields = items.map(
        (x, i) => (x.endsWith("Z") ? `${x}d` : x) + (named ? `:k${i}:` : ""),
      );
      return `T{${fields.join("")}}(2)h`;
    }),
);

const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.integer({ min: -70000, max: 70000 }),
  fc.bigInt({ min: -(2n ** 65n), max: 2n ** 65n }),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.string({ maxLength: 3 }),
  fc.uint8Array({ maxLength: 3 }),
  fc.record({ re: fc.double(), im: fc.double() }),
  fc.array(fc.integer({ min: -200, max: 200 }), { maxLength: 3 }),
);

describe("generated code and interpreter agree", () => {
  it("on pack, packInto, unpack, unpackFrom, packMany and unpackColumns", () => {
    fc.assert(
      fc.property(
        format,
        fc.array(anyValue, { maxLength: 14 }),
        fc.uint8Array({ minLength: 64, maxLength: 64 }),
        (fmt, values, bytes) => {
          const compiled = outcome(() => new Struct(fmt));
          const interpreted = outcome(() => new Struct(fmt, { codegen: false }));
          expect(compiled).toEqual(interpreted);
          if (!("ok" in (compiled as object))) return;
          const a = new Struct(fmt);
          const b = new Struct(fmt, { codegen: false });
          const args = values.slice(0, a.layout.length);
          expect(outcome(() => a.pack(...args))).toEqual(outcome(() => b.pack(...args)));
          const bufA = bytes.slice();
          const bufB = bytes.slice();
          const ra = outcome(() => a.packInto(bufA, 1, ...args));
          expect(ra).toEqual(outcome(() => b.packInto(bufB, 1, ...args)));
          expect(bufA).toEqual(bufB);
          expect(outcome(() => a.unpackFrom(bytes, 3))).toEqual(
            outcome(() => b.unpackFrom(bytes, 3)),
          );
          expect(outcome(() => a.packMany([args, args]))).toEqual(
            outcome(() => b.packMany([args, args])),
          );
          if (a.size > 0) {
            const whole = bytes.subarray(0, bytes.length - (bytes.length % a.size));
            expect(outcome(() => a.unpackColumns(whole))).toEqual(
              outcome(() => b.unpackColumns(whole)),
            );
            expect(outcome(() => [...a.iterUnpack(whole)])).toEqual(
              outcome(() => [...b.iterUnpack(whole)]),
            );
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it("agrees with int64: 'number'", () => {
    const bytes = new Uint8Array(32);
    bytes.set([1, 2, 3, 4, 5, 6, 7, 0]);
    for (const fmt of ["<qQ", ">qQ", "@nNP", "<4q"]) {
      const a = new Struct(fmt, { int64: "number" });
      const b = new Struct(fmt, { int64: "number", codegen: false });
      const buf = bytes.subarray(0, a.size);
      expect(outcome(() => a.unpack(buf))).toEqual(outcome(() => b.unpack(buf)));
      const ff = new Uint8Array(a.size).fill(0xff);
      expect(outcome(() => a.unpack(ff))).toEqual(outcome(() => b.unpack(ff)));
    }
  });
});

describe("generated source", () => {
  it("never contains names or format text", () => {
    const fmt = 'T{i:__proto__:i:constructor:h:evil");throw 1;//:}';
    const program = buildProgram(parseFormat(fmt), "lp64", null);
    const source = compileCodec(program, true).source!;
    for (const word of ["__proto__", "constructor", "evil", "throw 1"]) {
      expect(source).not.toContain(word);
    }
    const [rec] = new Struct(fmt).unpack(new Uint8Array(12).fill(1)) as [Record<string, number>];
    expect(Object.keys(rec)).toEqual(["__proto__", "constructor", 'evil");throw 1;//']);
  });

  it("is straight-line for small layouts and null for the interpreter", () => {
    const program = buildProgram(parseFormat("<IHHd"), "lp64", null);
    const source = compileCodec(program, true).source!;
    expect(source).toContain("dv.getUint32(o + 0, true)");
    expect(source).toContain("dv.setFloat64(o + 8,");
    expect(compileCodec(program, false).source).toBeNull();
    const big = buildProgram(parseFormat(`${MAX_UNROLL + 1}b`), "lp64", null);
    expect(compileCodec(big, true).source).toBeNull();
  });
});
