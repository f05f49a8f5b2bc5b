/**
 * Issue #19 item 13: the fuzz suite of @pybuffer/core. Random strided and PIL layouts
 * sit in the middle of larger memories with canary bytes around them; every copy road
 * (toContiguous, fromContiguous, copyData, toBytes, getPointer) runs on them, with the
 * memory detached, shrunk or grown at random points, also from inside a getter of the
 * view. The rules: only the family's errors (and TypeError) escape; nothing outside a
 * view's items is written; nothing outside its items and pointers is read (a twin
 * memory with other canaries gives the same results).
 *
 * `PYBUFFER_FUZZ_RUNS=1000000 npx vitest run packages/core/test/fuzz.property.test.ts`
 * runs the long version.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { copyData } from "../src/copy-data.js";
import { getBuffer } from "../src/exporter.js";
import { PyBUF_FULL } from "../src/flags.js";
import { fromContiguous } from "../src/from-contiguous.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { getPointer } from "../src/pointer.js";
import { toContiguous } from "../src/to-contiguous.js";
import type { BufferView } from "../src/view.js";
import { familyOutcome, itemBytes } from "./support/fuzz.js";
import { detach } from "./support/helpers.js";
import { layoutArbitrary, pattern, type RandomLayout, toPil } from "./support/layouts.js";
import { fuzzRuns, fuzzTimeout } from "./support/oracle.js";

/** A layout placed in a larger memory, and the bytes it may touch. */
interface Placed {
  memory: ArrayBuffer;
  nd: NDBuffer;
  /** Bytes of its items. */
  items: Set<number>;
  /** Bytes it may read besides its items (PIL pointer tables). */
  pointers: Set<number>;
}

function place(l: RandomLayout, pil: boolean, pad: number, canary: number, grow: boolean): Placed {
  const format = `${l.itemsize}s`;
  let data: ArrayBuffer;
  let options: ConstructorParameters<typeof NDBuffer>[1];
  let front = 0;
  const pointers = new Set<number>();
  if (pil && l.shape.length > 0) {
    const p = toPil(pattern(l.memlen, 3), l);
    data = p.memory;
    options = {
      shape: l.shape,
      strides: p.strides,
      suboffsets: p.suboffsets,
      offset: p.buf,
      format,
    };
    for (let b = 0; b < 8 * (l.shape[0] as number); b++) pointers.add(b);
  } else {
    front = pad * l.itemsize;
    data = pattern(l.memlen, 3);
    options = { shape: l.shape, strides: l.strides, offset: front + l.offset, format };
  }
  const size = front + data.byteLength + pad * l.itemsize;
  const memory = grow
    ? new ArrayBuffer(size, { maxByteLength: 2 * size + 8 })
    : new ArrayBuffer(size);
  const bytes = new Uint8Array(memory);
  bytes.fill(canary);
  bytes.set(new Uint8Array(data), front);
  const nd = new NDBuffer(memory, options);
  const view = getBuffer(nd, PyBUF_FULL);
  return { memory, nd, items: itemBytes(view, l.shape, l.itemsize), pointers };
}

/** A view of `nd` whose `field` getter runs `change` the first time it is read. */
function hostileView(nd: NDBuffer, field: keyof BufferView, change: () => void): BufferView {
  const view = getBuffer(nd, PyBUF_FULL);
  let fired = false;
  const value = view[field];
  return Object.defineProperty({ ...view }, field, {
    get() {
      if (!fired) {
        fired = true;
        change();
      }
      return value;
    },
  });
}

/** Bytes outside `keep` are as in `before` (those still in memory). */
function untouchedOutside(memory: ArrayBuffer, before: Uint8Array, keep: Set<number>): void {
  const now = new Uint8Array(memory);
  for (let b = 0; b < Math.min(now.length, before.length); b++) {
    if (!keep.has(b) && now[b] !== before[b]) {
      throw new Error(`byte ${b} outside the view changed: ${before[b]} → ${now[b]}`);
    }
  }
}

const layouts = fc.record({
  l: layoutArbitrary(3, 5, [1, 2, 3, 4, 8]),
  pil: fc.boolean(),
  pad: fc.integer({ min: 0, max: 3 }),
});

describe("core fuzz: reads never look outside a view", () => {
  it(
    "toContiguous, toBytes and getPointer give the same on a twin with other canaries",
    () => {
      fc.assert(
        fc.property(
          layouts,
          fc.constantFrom("C", "F", "A") as fc.Arbitrary<"C" | "F" | "A">,
          ({ l, pil, pad }, order) => {
            const a = place(l, pil, pad, 0xa5, false);
            const b = place(l, pil, pad, 0x5a, false);
            // The twin: same items and pointers, every other byte different.
            const bb = new Uint8Array(b.memory);
            const ab = new Uint8Array(a.memory);
            for (let i = 0; i < bb.length; i++) {
              bb[i] =
                a.items.has(i) || a.pointers.has(i) ? (ab[i] as number) : (ab[i] as number) ^ 0xff;
            }
            const run = (p: Placed) => [
              familyOutcome(() => toContiguous(getBuffer(p.nd, PyBUF_FULL), order)),
              familyOutcome(() => p.nd.toBytes(order)),
              familyOutcome(() =>
                l.shape.includes(0)
                  ? 0
                  : getPointer(
                      getBuffer(p.nd, PyBUF_FULL),
                      l.shape.map((n) => n - 1),
                    ),
              ),
            ];
            expect(run(b)).toEqual(run(a));
          },
        ),
        { numRuns: fuzzRuns(300) },
      );
    },
    fuzzTimeout(),
  );
});

/**
 * A C- or F-contiguous source of `l`'s shape or a smaller one (halved extents), items
 * of 1 to 8 bytes (`pick` decides): CPython's copyData takes any source no longer than
 * the destination.
 */
function shaped(l: RandomLayout, pick: number): NDBuffer {
  const itemsize = [l.itemsize, 1, 2, 8][pick % 4] as number;
  const shape = pick % 3 === 0 ? l.shape.map((n) => Math.ceil(n / 2)) : l.shape;
  const count = shape.reduce((a, b) => a * b, 1) * itemsize;
  return new NDBuffer(pattern(count, 5), {
    shape,
    format: `${itemsize}s`,
    order: pick % 2 === 0 ? "C" : "F",
  });
}

let written = 0;

/** The memory changes a run may make. */
const change = fc.constantFrom(
  "none",
  "detach",
  "shrink",
  "grow",
  "getter-detach",
  "getter-shrink",
);

describe("core fuzz: writes stay inside the destination's items", () => {
  it(
    "fromContiguous and copyData, with memory changes before and inside the call",
    () => {
      fc.assert(
        fc.property(
          layouts,
          layouts,
          fc.constantFrom(
            "fromContiguous C",
            "fromContiguous F",
            "copyData",
            "copyData shaped",
            "copyData self",
          ),
          change,
          fc.integer({ min: 0, max: 300 }),
          fc.constantFrom("shape", "strides", "buf", "suboffsets", "memory") as fc.Arbitrary<
            keyof BufferView
          >,
          (dst, src, road, memoryChange, cut, field) => {
            const grow =
              memoryChange === "shrink" ||
              memoryChange === "getter-shrink" ||
              memoryChange === "grow";
            const d = place(dst.l, dst.pil, dst.pad, 0xa5, grow);
            const s = place(src.l, src.pil, src.pad, 0x3c, false);
            const resize = (size: number) =>
              d.memory.resize(Math.min(size, d.memory.maxByteLength));
            const act = () => {
              if (memoryChange.endsWith("detach")) detach(d.memory);
              else if (memoryChange.endsWith("shrink")) resize(cut % (d.memory.byteLength + 1));
              else if (memoryChange === "grow") resize(d.memory.byteLength + cut);
            };
            const before = new Uint8Array(d.memory).slice();
            if (!memoryChange.startsWith("getter")) act();
            const view = memoryChange.startsWith("getter")
              ? hostileView(d.nd, field, act)
              : familyOutcome(() => getBuffer(d.nd, PyBUF_FULL));
            const data = new Uint8Array(Math.max(0, before.length - (cut % 7))).map(
              (_, i) => i * 7,
            );
            familyOutcome(() => {
              const target =
                "ok" in (view as object) ? (view as { ok: BufferView }).ok : (view as BufferView);
              if ("error" in (view as object)) return;
              if (road === "copyData") copyData(target, s.nd);
              else if (road === "copyData shaped") copyData(target, shaped(dst.l, cut));
              else if (road === "copyData self") copyData(target, d.nd);
              else fromContiguous(target, data.subarray(0, cut), road.endsWith("F") ? "F" : "C");
              written++;
            });
            if (d.memory.byteLength > 0) untouchedOutside(d.memory, before, d.items);
          },
        ),
        { numRuns: fuzzRuns(400) },
      );
      // The property is not vacuous: many runs write.
      expect(written).toBeGreaterThan(fuzzRuns(400) / 10);
    },
    fuzzTimeout(),
  );
});
