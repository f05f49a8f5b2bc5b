/**
 * Live-oracle properties: fast-check makes random layouts (ndim 0-4, negative and
 * zero strides, offsets, empty dimensions, Fortran order, PIL), CPython 3.13 builds
 * the same `_testbuffer.ndarray`, and every answer is compared: each request flag,
 * isContiguous, toContiguous in C/F/A order and getPointer.
 */
import fc from "fast-check";
import { expect, it } from "vitest";
import { isContiguous } from "../src/contiguity.js";
import { getBuffer, releaseBuffer } from "../src/exporter.js";
import { PyBUF_FULL_RO } from "../src/flags.js";
import { NDBuffer } from "../src/nd-buffer.js";
import { getPointer } from "../src/pointer.js";
import { toContiguous } from "../src/to-contiguous.js";
import { outcomeOf, viewFields } from "./support/helpers.js";
import { layoutArbitrary, toPil } from "./support/layouts.js";
import { describeWithPython } from "./support/oracle.js";

const FORMATS: Record<number, string> = { 1: "B", 2: "<H", 3: "3s", 4: "i", 8: "q", 16: "2Q" };
const BASE = [
  0x118, 0x18, 0x8, 0x0, 0x38, 0x58, 0x98, 0x11d, 0x11c, 0x1d, 0x1c, 0x19, 0x18, 0x9, 0x8,
];
const REQUESTS = [...new Set(BASE.flatMap((r) => [r, r | 1, r | 4, r | 5]))];

interface Answers {
  contiguous: boolean[];
  bytes: Uint8Array[];
  requests: unknown[];
  item: Uint8Array | null;
}

const caseArbitrary = fc
  .record({
    layout: layoutArbitrary(4, 5),
    seed: fc.integer({ min: 0, max: 255 }),
    readonly: fc.boolean(),
    fortran: fc.boolean(),
    pil: fc.boolean(),
    implicit: fc.boolean(),
    pick: fc.array(fc.nat(), { minLength: 4, maxLength: 4 }),
  })
  .map((c) => {
    const { layout } = c;
    const memory = new Uint8Array(layout.memlen);
    for (let i = 0; i < memory.length; i++) memory[i] = (i * 131 + c.seed * 17 + (i >> 3)) & 0xff;
    const implicit = c.implicit && layout.shape.length > 0;
    const pil = c.pil && layout.shape.length > 0;
    const index = layout.shape.includes(0)
      ? null
      : layout.shape.map((n, i) => (c.pick[i] ?? 0) % n);
    return { ...c, memory, implicit, pil, fortran: c.fortran && implicit, index };
  });

describeWithPython("3.13", "core layouts against live _testbuffer", (python) => {
  it("answers as CPython for random layouts", async () => {
    const samples = fc.sample(caseArbitrary, { numRuns: 300, seed: 4242 });
    const answers = (await python().batch(
      "core_live",
      "layout_answers",
      samples.map((c) => {
        const l = c.layout;
        const offset = c.implicit ? 0 : l.offset;
        return [
          c.memory,
          FORMATS[l.itemsize],
          l.shape,
          c.implicit ? null : l.strides,
          offset,
          c.readonly,
          c.fortran,
          c.pil,
          REQUESTS,
          c.index,
        ];
      }),
    )) as ({ ok: Answers } | { error: string; message: string })[];
    samples.forEach((c, i) => {
      const answer = answers[i];
      const l = c.layout;
      const format = FORMATS[l.itemsize] as string;
      const built = outcomeOf(() => build(c, format));
      const label = JSON.stringify({ ...l, pil: c.pil, implicit: c.implicit, fortran: c.fortran });
      if (answer === undefined || !("ok" in answer) || !("ok" in built)) {
        expect(built, label).toEqual(answer);
        return;
      }
      const expected = answer.ok;
      const nd = built.ok;
      const view = getBuffer(nd, PyBUF_FULL_RO);
      expect(
        (["C", "F", "A"] as const).map((o) => isContiguous(view, o)),
        label,
      ).toEqual(expected.contiguous);
      expect(
        (["C", "F", "A"] as const).map((o) => toContiguous(view, o)),
        label,
      ).toEqual(expected.bytes);
      const got = REQUESTS.map((flags) =>
        outcomeOf(() => {
          const v = getBuffer(nd, flags);
          const f = viewFields(v);
          releaseBuffer(v);
          return f;
        }),
      );
      expect(got, label).toEqual(expected.requests);
      if (c.index !== null) {
        const at = getPointer(view, c.index);
        expect(new Uint8Array(view.memory, at, view.itemsize), label).toEqual(expected.item);
      }
    });
  });
});

type Case = typeof caseArbitrary extends fc.Arbitrary<infer T> ? T : never;

/** The NDBuffer for a case: the same layout, PIL tables rebuilt as _testbuffer lays them out. */
function build(c: Case, format: string): NDBuffer {
  const l = c.layout;
  let nd: NDBuffer;
  if (l.shape.length === 0) {
    const item = c.memory.slice(l.offset, l.offset + l.itemsize);
    nd = new NDBuffer(item.buffer, { shape: [], format, readonly: c.readonly });
  } else {
    const strides = c.implicit
      ? new NDBuffer(new ArrayBuffer(c.memory.length), {
          shape: l.shape,
          format,
          order: c.fortran ? "F" : "C",
        }).strides
      : l.strides;
    const plain = { shape: l.shape, strides, offset: c.implicit ? 0 : l.offset };
    if (c.pil) {
      const p = toPil(c.memory.slice().buffer, plain);
      nd = new NDBuffer(p.memory, {
        shape: l.shape,
        strides: p.strides,
        suboffsets: p.suboffsets,
        offset: p.buf,
        format,
        readonly: c.readonly,
      });
    } else {
      nd = new NDBuffer(c.memory.slice().buffer, { ...plain, format, readonly: c.readonly });
    }
  }
  return nd;
}
