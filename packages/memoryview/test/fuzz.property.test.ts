/**
 * Issue #19 item 13: the fuzz suite of @pybuffer/memoryview. Views of random strided and
 * PIL layouts of native and struct formats (`<Zd`, records) sit in larger memories with
 * canaries around them; random operations run on them and their slices, with the memory
 * detached, shrunk or grown before a call or from inside a getter of a value. The rules:
 * only the family's errors (and TypeError) escape; nothing outside the view's items is
 * written; reads give the same results on a twin memory whose other bytes differ.
 *
 * `PYBUFFER_FUZZ_RUNS=1000000 npx vitest run packages/memoryview/test/fuzz.property.test.ts`
 * runs the long version.
 */
import { getBuffer, NDBuffer, PyBUF_FULL_RO, toSuboffsets } from "@pybuffer/core";
import { fuzzRuns, fuzzTimeout } from "@pybuffer-internal/oracle";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { familyOutcome, itemBytes } from "../../core/test/support/fuzz.js";
import { layoutArbitrary, type RandomLayout } from "../../core/test/support/layouts.js";
import { type MemoryView, memoryview, pythonErrorName, Slice } from "../src/index.js";

/** Formats and their item sizes (struct-backed ones included). */
const FORMATS: [string, number][] = [
  ["B", 1],
  ["<h", 2],
  ["i", 4],
  ["d", 8],
  ["?", 1],
  ["c", 1],
  ["<Zd", 16],
  ["T{<h:a:<h:b:}", 4],
];

interface Placed {
  memory: ArrayBuffer;
  nd: NDBuffer;
  items: Set<number>;
  pointers: Set<number>;
}

function place(format: string, l: RandomLayout, pil: boolean, canary: number): Placed {
  const data = new Uint8Array(l.memlen).map((_, i) => (i * 37 + 11) & 0xff);
  let region: ArrayBuffer = data.buffer;
  let options: ConstructorParameters<typeof NDBuffer>[1];
  const pointers = new Set<number>();
  const front = 2 * l.itemsize;
  if (pil && l.shape.length > 0) {
    const p = toSuboffsets(data.buffer, l);
    region = p.memory;
    options = {
      shape: l.shape,
      strides: p.strides,
      suboffsets: p.suboffsets,
      offset: p.buf,
      format,
    };
    for (let b = 0; b < 8 * (l.shape[0] as number); b++) pointers.add(b);
  } else {
    options = { shape: l.shape, strides: l.strides, offset: front + l.offset, format };
  }
  const start = pil && l.shape.length > 0 ? 0 : front;
  const size = start + region.byteLength + 2 * l.itemsize;
  const memory = new ArrayBuffer(size, { maxByteLength: 2 * size + 16 });
  const bytes = new Uint8Array(memory);
  bytes.fill(canary);
  bytes.set(new Uint8Array(region), start);
  const nd = new NDBuffer(memory, options);
  const view = getBuffer(nd, PyBUF_FULL_RO);
  return { memory, nd, items: itemBytes(view, l.shape, l.itemsize), pointers };
}

const cases = fc.constantFrom(...FORMATS).chain(([format, itemsize]) =>
  fc.record({
    format: fc.constant(format),
    l: layoutArbitrary(3, 4, [itemsize]),
    pil: fc.boolean(),
    slice: fc.option(
      fc.tuple(
        fc.integer({ min: -5, max: 5 }),
        fc.integer({ min: -5, max: 5 }),
        fc.constantFrom(1, 2, -1, -2),
      ),
    ),
  }),
);

function viewOf(p: Placed, slice: [number, number, number] | null): MemoryView {
  const m = memoryview(p.nd);
  return slice !== null && m.ndim > 0 ? m.slice(...slice) : m;
}

/** A value for one item of `format`, possibly with a getter that runs `effect`. */
function valueFor(format: string, k: number, effect: (() => void) | null): unknown {
  const run = () => effect?.();
  switch (format) {
    case "<Zd":
      return {
        get re() {
          run();
          return k;
        },
        im: -k,
      };
    case "T{<h:a:<h:b:}":
      return {
        get a() {
          run();
          return k;
        },
        b: 2,
      };
    case "d":
      return k / 4;
    case "?":
      return k % 2 === 0;
    case "c":
      return new Uint8Array([k & 0xff]);
    default:
      return k % 100;
  }
}

describe("memoryview fuzz: reads never look outside the view", () => {
  it(
    "toList, toBytes, hex, get, count and equals agree on a twin memory",
    () => {
      fc.assert(
        fc.property(cases, ({ format, l, pil, slice }) => {
          const a = place(format, l, pil, 0xa5);
          const b = place(format, l, pil, 0x5a);
          const ab = new Uint8Array(a.memory);
          const bb = new Uint8Array(b.memory);
          for (let i = 0; i < bb.length; i++) {
            const kept = a.items.has(i) || a.pointers.has(i);
            bb[i] = kept ? (ab[i] as number) : (ab[i] as number) ^ 0xff;
          }
          const run = (p: Placed) => {
            const m = viewOf(p, slice);
            return [
              familyOutcome(() => m.toList()),
              familyOutcome(() => m.toBytes()),
              familyOutcome(() => m.hex()),
              familyOutcome(() => m.get(0)),
              familyOutcome(() => m.count(valueFor(format, 3, null))),
              familyOutcome(() => m.equals(viewOf(p, slice))),
            ];
          };
          expect(run(b)).toEqual(run(a));
        }),
        { numRuns: fuzzRuns(300) },
      );
    },
    fuzzTimeout(),
  );
});

const changes = fc.constantFrom(
  "none",
  "detach",
  "shrink",
  "grow",
  "in-getter-detach",
  "in-getter-shrink",
);
const ops = fc.constantFrom(
  "set",
  "set last",
  "count",
  "index",
  "assign slice",
  "assign self",
  "toList",
  "cast",
);

describe("memoryview fuzz: writes stay inside the view, memory may change anywhere", () => {
  it(
    "set, slice assignment, count, index, toList and cast",
    () => {
      let changedInside = 0;
      fc.assert(
        fc.property(
          cases,
          ops,
          changes,
          fc.integer({ min: 0, max: 200 }),
          ({ format, l, pil, slice }, op, change, k) => {
            const p = place(format, l, pil, 0xa5);
            const other = place(format, l, pil, 0x3c);
            const before = new Uint8Array(p.memory).slice();
            const act = () => {
              if (change.endsWith("detach")) structuredClone(p.memory, { transfer: [p.memory] });
              else if (change.endsWith("shrink")) p.memory.resize(k % (p.memory.byteLength + 1));
              else if (change === "grow")
                p.memory.resize(Math.min(p.memory.maxByteLength, p.memory.byteLength + k));
            };
            let m: MemoryView;
            try {
              m = viewOf(p, slice);
            } catch (error) {
              expect(pythonErrorName(error)).toBeDefined();
              return;
            }
            if (!change.startsWith("in-getter")) act();
            const inGetter = change.startsWith("in-getter") ? () => act() : null;
            const value = valueFor(format, k, inGetter);
            familyOutcome(() => {
              switch (op) {
                case "set":
                  return m.set(new Array<number>(m.ndim).fill(0), value);
                case "set last":
                  return m.set(
                    m.shape.map((n) => n - 1),
                    value,
                  );
                case "count":
                  return m.count(value);
                case "index":
                  return m.index(value);
                case "assign slice":
                  return m.set(new Slice(null, null, null), viewOf(other, slice));
                case "assign self":
                  return m.set(new Slice(null, null, -1), m);
                case "toList":
                  return m.toList();
                default:
                  return m.cast("B").toList();
              }
            });
            if (inGetter !== null && typeof value === "object") changedInside++;
            if (p.memory.byteLength > 0) {
              const now = new Uint8Array(p.memory);
              for (let i = 0; i < Math.min(now.length, before.length); i++) {
                if (!p.items.has(i) && now[i] !== before[i]) {
                  throw new Error(`byte ${i} outside the view changed: ${before[i]} → ${now[i]}`);
                }
              }
            }
          },
        ),
        { numRuns: fuzzRuns(500) },
      );
      expect(changedInside).toBeGreaterThan(0);
    },
    fuzzTimeout(),
  );
});
