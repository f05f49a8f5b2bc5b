/**
 * `<qQ` × N records, unpack and pack, on safe-integer and full 64-bit data (perf-baseline
 * sections 3a–3c). Input: `QQData.bytes` / `.tuples` (bigints). Values are checked exactly,
 * whatever type a row returns (bigint, safe number, long's Long, jspack's triplets).
 */
import jspackModule from "jspack";
import Long from "long";
import pythonStruct from "python-struct";
import type { Row, Section } from "../case.js";
import { checkBytes, checkColumns, checkRecords, sameInt64 } from "../checks.js";
import { jsonWithBigInts, makeQQ, type QQData, RECORDS, sampleIndexes } from "../data-struct.js";
import { structRow } from "../ours/struct.js";

const FORMAT = "<qQ";
const { jspack } = jspackModule;
const TWO32 = 4294967296;

function unpackRows(): Row<QQData>[] {
  return [
    {
      name: "DataView getBigInt64 loop -> array of 2-arrays",
      kind: "js",
      output: "tuples",
      setup: ({ bytes, n }) => {
        const dv = new DataView(bytes.buffer);
        return () => {
          const out = new Array(n);
          for (let i = 0, p = 0; i < n; i++, p += 16) {
            out[i] = [dv.getBigInt64(p, true), dv.getBigUint64(p + 8, true)];
          }
          return out;
        };
      },
    },
    {
      name: "DataView 2x32-bit halves -> number when safe, else bigint",
      kind: "js",
      output: "tuples",
      setup: ({ bytes, n }) => {
        const dv = new DataView(bytes.buffer);
        return () => {
          const out = new Array(n);
          for (let i = 0, p = 0; i < n; i++, p += 16) {
            const qlo = dv.getUint32(p, true);
            const qhi = dv.getInt32(p + 4, true);
            const q =
              qhi >= -0x200000 && qhi < 0x200000 && !(qhi === -0x200000 && qlo === 0)
                ? qhi * TWO32 + qlo
                : dv.getBigInt64(p, true);
            const Qhi = dv.getUint32(p + 12, true);
            const Q =
              Qhi < 0x200000
                ? Qhi * TWO32 + dv.getUint32(p + 8, true)
                : dv.getBigUint64(p + 8, true);
            out[i] = [q, Q];
          }
          return out;
        };
      },
    },
    {
      name: "BigInt64Array views -> BigInt64Array columns",
      kind: "js",
      output: "columns",
      setup: ({ bytes, n }) => {
        const s64 = new BigInt64Array(bytes.buffer);
        const u64 = new BigUint64Array(bytes.buffer);
        return () => {
          const a = new BigInt64Array(n);
          const b = new BigUint64Array(n);
          for (let i = 0; i < n; i++) {
            a[i] = s64[2 * i]!;
            b[i] = u64[2 * i + 1]!;
          }
          return [a, b];
        };
      },
    },
    structRow(
      "Struct.iterUnpack -> arrays",
      "tuples",
      FORMAT,
      "iterUnpack",
      (s, d: QQData) => () => Array.from(s.iterUnpack(d.bytes) as Iterable<unknown>),
    ),
    structRow(
      "Struct.unpackColumns -> BigInt64Array columns",
      "columns",
      FORMAT,
      "unpackColumns",
      (s, d: QQData) => () => s.unpackColumns(d.bytes),
    ),
    {
      name: "python-struct unpackFrom loop (Long objects)",
      kind: "peer",
      output: "tuples",
      setup: ({ bytes, n }) => {
        const buf = Buffer.from(bytes.buffer);
        return () => {
          const out = new Array(n);
          for (let i = 0; i < n; i++) out[i] = pythonStruct.unpackFrom(FORMAT, buf, false, i * 16);
          return out;
        };
      },
    },
    {
      name: "jspack Unpack loop ([lo, hi, flag] arrays)",
      kind: "peer",
      output: "tuples",
      setup:
        ({ bytes, n }) =>
        () => {
          const out = new Array(n);
          for (let i = 0; i < n; i++) out[i] = jspack.Unpack(FORMAT, bytes, i * 16);
          return out;
        },
    },
    {
      name: "@aksel/structjs",
      kind: "peer",
      unavailable: "no q/Q: throws RangeError: Invalid format string",
    },
    {
      name: "bufferpack",
      kind: "peer",
      unavailable: "silently skips q/Q (calcLength('<qQ') is 0)",
    },
  ];
}

function packRows(range: "safe" | "full"): Row<QQData>[] {
  const rows: Row<QQData>[] = [
    {
      name: "DataView setBigInt64 loop (bigint tuples -> prealloc)",
      kind: "js",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const out = new Uint8Array(n * 16);
        const dv = new DataView(out.buffer);
        return () => {
          for (let i = 0, p = 0; i < n; i++, p += 16) {
            const r = tuples[i]!;
            dv.setBigInt64(p, r[0], true);
            dv.setBigUint64(p + 8, r[1], true);
          }
          return out;
        };
      },
    },
    structRow(
      "Struct.packInto loop (bigint values)",
      "bytes",
      FORMAT,
      "packInto",
      (s, d: QQData) => {
        const out = new Uint8Array(d.n * 16);
        return () => {
          for (let i = 0; i < d.n; i++) {
            const r = d.tuples[i]!;
            s.packInto(out, i * 16, r[0], r[1]);
          }
          return out;
        };
      },
    ),
    {
      name: "python-struct pack (Long inputs) + set",
      kind: "peer",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const longs = tuples.map((r) => [
          Long.fromString(String(r[0]), false),
          Long.fromString(String(r[1]), true),
        ]);
        const out = new Uint8Array(n * 16);
        return () => {
          for (let i = 0; i < n; i++) out.set(pythonStruct.pack(FORMAT, longs[i]!), i * 16);
          return out;
        };
      },
    },
    {
      name: "jspack PackTo ([lo, hi, flag] inputs)",
      kind: "peer",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const split = (v: bigint, unsigned: boolean) => {
          const u = BigInt.asUintN(64, v);
          return [Number(u & 0xffffffffn), Number(u >> 32n), unsigned];
        };
        const inputs = tuples.map((r) => [split(r[0], false), split(r[1], true)]);
        const out = Buffer.alloc(n * 16);
        return () => {
          for (let i = 0; i < n; i++) jspack.PackTo(FORMAT, out, i * 16, inputs[i]!);
          return out;
        };
      },
    },
  ];
  if (range === "safe") {
    rows.splice(1, 0, {
      name: "DataView 2x32-bit halves from number tuples",
      kind: "js",
      output: "bytes",
      setup: ({ n, tuples }) => {
        const numbers = tuples.map((r) => [Number(r[0]), Number(r[1])] as const);
        const out = new Uint8Array(n * 16);
        const dv = new DataView(out.buffer);
        return () => {
          for (let i = 0, p = 0; i < n; i++, p += 16) {
            const [q, u] = numbers[i]!;
            const qhi = Math.floor(q / TWO32);
            dv.setUint32(p, q - qhi * TWO32, true);
            dv.setInt32(p + 4, qhi, true);
            const uhi = Math.floor(u / TWO32);
            dv.setUint32(p + 8, u - uhi * TWO32, true);
            dv.setUint32(p + 12, uhi, true);
          }
          return out;
        };
      },
    });
  }
  return rows;
}

function unpackSection(range: "safe" | "full"): Section<QQData> {
  const id = `unpack-qQ-${range}`;
  return {
    id,
    title: `unpack \`<qQ\`, ${range === "safe" ? "safe integers" : "full 64-bit range"}`,
    unit: "record",
    make: (scale) => makeQQ(RECORDS[scale], range),
    items: (d) => d.n,
    checks: {
      tuples: (out, d) => checkRecords(out, d.tuples, sameInt64),
      columns: (out, d) => checkColumns(out, d.tuples, sameInt64),
    },
    rows: unpackRows,
    pythonFiles: (d) => ({
      [`${id}.bin`]: d.bytes,
      [`${id}.json`]: jsonWithBigInts({
        samples: sampleIndexes(d.n).map((i) => [i, d.tuples[i]]),
        n: d.n,
      }),
    }),
  };
}

function packSection(range: "safe" | "full"): Section<QQData> {
  const id = `pack-qQ-${range}`;
  return {
    id,
    title: `pack \`<qQ\`, ${range === "safe" ? "safe integers" : "full 64-bit range"}`,
    unit: "record",
    make: (scale) => makeQQ(RECORDS[scale], range),
    items: (d) => d.n,
    checks: { bytes: (out, d) => checkBytes(out, d.bytes) },
    rows: () => packRows(range),
    pythonFiles: (d) => ({ [`${id}.bin`]: d.bytes }),
  };
}

export const qqSections: Section<QQData>[] = [
  unpackSection("safe"),
  unpackSection("full"),
  packSection("safe"),
  packSection("full"),
];
