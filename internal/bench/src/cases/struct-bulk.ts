/**
 * `@pybuffer/struct` rows beside the built-in ones: the bulk pack (`packManyInto`,
 * `packMany`), one record at a time into new bytes (`pack`), the bulk unpack to tuples (`unpackMany`), a single-struct `unpackFrom` loop (the memoryview item path), and the
 * `int64: "number"` opt-in for `<qQ`.
 */
import { Struct } from "@pybuffer/struct";
import type { OursCase } from "../case.js";
import type { IHHdData, QQData } from "../data-struct.js";

/** `Struct#unpackMany`: every record of the section's bytes as tuples, in one call. */
function unpackManyCase(section: string, format: string): OursCase<never> {
  return {
    section,
    name: "Struct.unpackMany -> arrays",
    output: "tuples",
    setup: ((d: IHHdData | QQData) => {
      const s = new Struct(format);
      return () => s.unpackMany(d.bytes);
    }) as never,
  };
}

export const cases: OursCase<never>[] = [
  {
    section: "pack-IHHd",
    name: "Struct.packManyInto (prealloc buffer)",
    output: "bytes",
    setup: ((d: IHHdData) => {
      const s = new Struct("<IHHd");
      const out = new Uint8Array(d.n * 16);
      return () => {
        s.packManyInto(out, 0, d.tuples);
        return out;
      };
    }) as never,
  },
  {
    section: "pack-IHHd",
    name: "Struct.packMany (new buffer)",
    output: "bytes",
    setup: ((d: IHHdData) => {
      const s = new Struct("<IHHd");
      return () => s.packMany(d.tuples);
    }) as never,
  },
  {
    section: "pack-IHHd",
    name: "Struct.pack loop (new bytes per record, + set into prealloc)",
    output: "bytes",
    setup: ((d: IHHdData) => {
      const s = new Struct("<IHHd");
      const out = new Uint8Array(d.n * 16);
      return () => {
        for (let i = 0; i < d.n; i++) {
          const r = d.tuples[i]!;
          out.set(s.pack(r[0], r[1], r[2], r[3]), i * 16);
        }
        return out;
      };
    }) as never,
  },
  unpackManyCase("unpack-IHHd", "<IHHd"),
  unpackManyCase("unpack-qQ-safe", "<qQ"),
  unpackManyCase("unpack-qQ-full", "<qQ"),
  {
    section: "unpack-IHHd",
    name: "Struct.unpackFrom loop",
    output: "tuples",
    setup: ((d: IHHdData) => {
      const s = new Struct("<IHHd");
      return () => {
        const out = new Array(d.n);
        for (let i = 0; i < d.n; i++) out[i] = s.unpackFrom(d.bytes, i * 16);
        return out;
      };
    }) as never,
  },
  {
    section: "unpack-qQ-safe",
    name: 'Struct.iterUnpack, int64: "number"',
    output: "tuples",
    setup: ((d: QQData) => {
      const s = new Struct("<qQ", { int64: "number" });
      return () => Array.from(s.iterUnpack(d.bytes));
    }) as never,
  },
  {
    section: "unpack-qQ-safe",
    name: 'Struct.unpackColumns, int64: "number"',
    output: "columns",
    setup: ((d: QQData) => {
      const s = new Struct("<qQ", { int64: "number" });
      return () => s.unpackColumns(d.bytes);
    }) as never,
  },
  {
    section: "pack-qQ-safe",
    name: "Struct.packManyInto (prealloc buffer)",
    output: "bytes",
    setup: ((d: QQData) => {
      const s = new Struct("<qQ");
      const out = new Uint8Array(d.n * 16);
      return () => {
        s.packManyInto(out, 0, d.tuples);
        return out;
      };
    }) as never,
  },
];
