/**
 * Per-item work (perf-baseline 4c, 4e, 4f): `tolist()` of 1M `'d'` / `'B'` items, `hex()`
 * of 16 MiB, and `==` between a contiguous `'d'` view and a stride-2 one holding the same
 * values. Lists are checked at sampled items, hex strings in full (by SHA-256).
 */
import type { Section } from "../case.js";
import { check } from "../case.js";
import { checkRecords, sameNumber } from "../checks.js";
import { HEX, ITEMS, randomBytes, randomDoubles, sha256, u8 } from "../data-memory.js";
import { sampleIndexes } from "../data-struct.js";

interface ListData {
  readonly items: Float64Array<ArrayBuffer> | Uint8Array<ArrayBuffer>;
}

function checkList(out: unknown, items: ArrayLike<number>): void {
  check(Array.isArray(out), () => "expected an array");
  check(out.length === items.length, () => `expected ${items.length} items, got ${out.length}`);
  checkRecords(
    sampleIndexes(items.length).map((i) => [out[i]]),
    sampleIndexes(items.length).map((i) => [items[i]!]),
    sameNumber,
  );
}

function tolistSection(code: "d" | "B"): Section<ListData> {
  const id = `tolist-${code}`;
  return {
    id,
    title: `\`tolist()\` of 1M \`'${code}'\` items`,
    unit: "item",
    make: (scale) => ({
      items: code === "d" ? randomDoubles(ITEMS[scale], 4) : randomBytes(ITEMS[scale], 5),
    }),
    items: (d) => d.items.length,
    checks: { list: (out, d) => checkList(out, d.items) },
    rows: () => [
      {
        name: "index loop into a preallocated Array",
        kind: "js",
        output: "list",
        setup:
          ({ items }) =>
          () => {
            const out = new Array(items.length);
            for (let i = 0; i < items.length; i++) out[i] = items[i];
            return out;
          },
      },
      {
        name: "Array.from(typedArray)",
        kind: "js",
        output: "list",
        setup:
          ({ items }) =>
          () =>
            Array.from(items),
      },
    ],
    pythonFiles: (d) => ({
      [`${id}.bin`]: u8(d.items),
      [`${id}.json`]: JSON.stringify({
        samples: sampleIndexes(d.items.length).map((i) => [i, d.items[i]]),
      }),
    }),
  };
}

interface HexData {
  readonly bytes: Uint8Array<ArrayBuffer>;
  readonly sha256: string;
}

/** Two ASCII hex digits per byte value, as one little-endian 16-bit unit (LE hosts). */
const HEX_PAIRS = Uint16Array.from({ length: 256 }, (_, i) => {
  const digits = i.toString(16).padStart(2, "0");
  return digits.charCodeAt(0) | (digits.charCodeAt(1) << 8);
});

export const hex: Section<HexData> = {
  id: "hex",
  title: "`hex()`, 16 MiB",
  unit: "byte",
  make: (scale) => {
    const bytes = randomBytes(HEX[scale], 6);
    return { bytes, sha256: sha256(Buffer.from(bytes).toString("hex")) };
  },
  items: (d) => d.bytes.length,
  checks: {
    string: (out, d) => {
      check(typeof out === "string", () => `expected a string, got ${typeof out}`);
      check(sha256(out) === d.sha256, () => "hex text differs from the reference");
    },
  },
  rows: () => [
    {
      name: "table loop into ASCII bytes + latin1 decode",
      kind: "js",
      output: "string",
      setup:
        ({ bytes }) =>
        () => {
          const out = new Uint16Array(bytes.length);
          for (let i = 0; i < bytes.length; i++) out[i] = HEX_PAIRS[bytes[i]!]!;
          return Buffer.from(out.buffer).toString("latin1");
        },
    },
    {
      name: "Buffer.toString('hex') (native)",
      kind: "js",
      output: "string",
      setup: ({ bytes }) => {
        const buf = Buffer.from(bytes.buffer);
        return () => buf.toString("hex");
      },
    },
  ],
  pythonFiles: (d) => ({
    "hex.bin": d.bytes,
    "hex.json": JSON.stringify({ sha256: d.sha256 }),
  }),
};

interface EqualsData {
  readonly a: Float64Array<ArrayBuffer>;
  /** Twice as long; `b[2i] === a[i]`, odd items differ. */
  readonly b: Float64Array<ArrayBuffer>;
}

export const equalsD: Section<EqualsData> = {
  id: "equals-d",
  title: "`==` of 1M `'d'`: contiguous vs stride 2, all equal",
  unit: "item",
  make: (scale) => {
    const a = randomDoubles(ITEMS[scale], 7);
    const b = randomDoubles(2 * ITEMS[scale], 8);
    for (let i = 0; i < a.length; i++) b[2 * i] = a[i]!;
    return { a, b };
  },
  items: (d) => d.a.length,
  checks: { value: (out) => check(out === true, () => `expected true, got ${String(out)}`) },
  rows: () => [
    {
      name: "Float64Array index loop, stride 2",
      kind: "js",
      output: "value",
      setup:
        ({ a, b }) =>
        () => {
          for (let i = 0; i < a.length; i++) if (a[i] !== b[2 * i]) return false;
          return true;
        },
    },
  ],
  pythonFiles: (d) => ({ "equals-d.a.bin": u8(d.a), "equals-d.b.bin": u8(d.b) }),
};

export const tolistD: Section<ListData> = tolistSection("d");
export const tolistB: Section<ListData> = tolistSection("B");
