/**
 * The fuzz suite of @pybuffer/npy: the readers take files users download, so every
 * call on a hostile input either gives a valid result or throws one of the family's
 * errors with a message. Inputs: NumPy's files (vectors) and saveNpy's, mutated byte by
 * byte (magic, version, header length, header text, data) and token by token (descr,
 * fortran_order and shape values: huge, negative, nested, unicode); header dicts from a
 * grammar; `.npz` archives with lying sizes, offsets, CRCs, counts and flags, zip bombs,
 * odd names; random descrs and formats for the dtype-string functions and saveNpy.
 * Valid results are checked: every item of an array's view lies in the file's data and
 * is read. Seeded (deterministic); `PYBUFFER_FUZZ_RUNS=100000 npx vitest run
 * packages/npy/test/fuzz.property.test.ts` runs the long version.
 */
import { getBuffer, NDBuffer, PyBUF_FULL_RO, releaseBuffer, toContiguous } from "@pybuffer/core";
import { calcSize } from "@pybuffer/struct";
import fc from "fast-check";
import { deflateSync } from "fflate/browser";
import { describe, expect, it } from "vitest";
import { stridedExtent } from "../../core/src/reach.js";
import { familyOutcome } from "../../core/test/support/fuzz.js";
import {
  type Descr,
  descrFromFormat,
  formatFromDescr,
  loadNpy,
  loadNpz,
  type NpyArray,
  openNpy,
  readNpyHeader,
  saveNpy,
  saveNpz,
  structFormatFromDescr,
} from "../src/index.js";
import { crc32, writeZip, type ZipMember } from "../src/zip.js";
import { npyFile } from "./support/files.js";
import {
  describeWithPython,
  type FileCase,
  fuzzRuns,
  fuzzTimeout,
  loadVectors,
  type Outcome as OracleOutcome,
} from "./support/oracle.js";

const SEED = 0x6e7079;
const runs = (n: number) => ({ numRuns: fuzzRuns(n), seed: SEED });

type Outcome = { ok: unknown } | { error: string; message: string };

/** familyOutcome, and a message on every error (CPython's MemoryError alone has none). */
function outcome(run: () => unknown): Outcome {
  const result = familyOutcome(run) as Outcome;
  if ("error" in result && result.error !== "MemoryError") {
    expect(result.message, result.error).not.toBe("");
  }
  return result;
}

/** The array's view: every item inside the data of `file` at `dataOffset`, and read. */
function checkArray(array: NpyArray, file: Uint8Array): void {
  const view = getBuffer(array, PyBUF_FULL_RO);
  try {
    const shape = view.shape ?? [];
    const strides = view.strides ?? [];
    const count = shape.reduce((a, b) => a * b, 1);
    expect(view.memory).toBe(file.buffer);
    expect(view.itemsize).toBe(array.itemsize);
    expect(calcSize(view.format as string)).toBe(view.itemsize);
    expect(view.len).toBe(count * view.itemsize);
    expect(shape).toEqual(array.shape);
    const extent = stridedExtent(view.buf, shape, strides, 0, shape.length, view.itemsize);
    if (extent !== null) {
      expect(extent[0]).toBeGreaterThanOrEqual(file.byteOffset + array.header.dataOffset);
      expect(extent[1]).toBeLessThanOrEqual(file.byteOffset + file.length);
    }
    expect(toContiguous(view, "C").length).toBe(view.len);
  } finally {
    releaseBuffer(view);
  }
}

/** loadNpy(file): a family error, or a valid array that saveNpy writes back readably. */
function loadChecked(file: Uint8Array): Outcome {
  const result = outcome(() => loadNpy(file));
  if ("ok" in result) {
    const array = result.ok as NpyArray;
    checkArray(array, file);
    // written back as NumPy writes it (its own descr: 'i8' becomes '<i8'), read the same;
    // a top-level sub-array descr (NumPy never writes one) is written as its base, its
    // dimensions in the shape
    const { descr } = array;
    const dims = typeof descr === "string" ? null : (descr[1] as unknown);
    const sub = Array.isArray(dims) && dims.every((n) => typeof n === "number");
    if (!sub) {
      const again = loadNpy(saveNpy(array));
      // (NumPy writes fortran_order only for arrays Fortran- and not C-contiguous)
      const both = array.shape.filter((n) => n > 1).length < 2 || array.shape.includes(0);
      expect([again.shape, again.itemsize, again.fortranOrder]).toEqual([
        array.shape,
        array.itemsize,
        array.fortranOrder && !both,
      ]);
    }
  }
  // The header alone reads the same way (or fails with the header's error).
  outcome(() => readNpyHeader(file));
  return result;
}

// ---------------------------------------------------------------------------------------
// Seeds: NumPy's files (small ones) and saveNpy's.

const numpyFiles = loadVectors<{ cases: FileCase[] }>("npy_files")
  .cases.filter((c) => c.npy.length <= 2048)
  .map((c) => c.npy);

const ourFiles = (
  [
    ["<d", [3], 8],
    ["b", [2, 3], 1],
    ["T{<i:a:<d:b:}", [2], 12],
    ["3s", [], 3],
    ["<Zf", [2, 2], 8],
    [">H", [4, 0], 2],
  ] as const
).map(([format, shape, itemsize]) => {
  const count = shape.reduce((a: number, b: number) => a * b, 1);
  const data = new Uint8Array(count * itemsize).map((_, i) => i * 7);
  return saveNpy(new NDBuffer(data.buffer, { shape: [...shape], format, itemsize }));
});

const seeds = [...numpyFiles, ...ourFiles];

// ---------------------------------------------------------------------------------------
// Byte edits.

interface Edit {
  readonly op: number;
  readonly at: number;
  readonly byte: number;
  readonly len: number;
  readonly head: boolean;
}

const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.integer({ min: 0, max: 5 }),
  at: fc.nat(),
  byte: fc.integer({ min: 0, max: 255 }),
  len: fc.integer({ min: 1, max: 9 }),
  head: fc.boolean(),
});

const LENGTHS = [0, 1, 2, 11, 63, 64, 118, 0x7fff, 0xffff, 0x10000, 0x7fffffff, 0xffffffff];

function applyEdits(file: Uint8Array, edits: readonly Edit[]): Uint8Array<ArrayBuffer> {
  const bytes = Array.from(file);
  for (const e of edits) {
    const limit = e.head ? Math.min(bytes.length, 140) : bytes.length;
    const at = limit === 0 ? 0 : e.at % limit;
    switch (e.op) {
      case 0:
        if (at < bytes.length) bytes[at] = (bytes[at] as number) ^ (1 << (e.byte & 7));
        break;
      case 1:
        if (at < bytes.length) bytes[at] = e.byte;
        break;
      case 2:
        bytes.splice(at, 0, ...new Array<number>(e.len).fill(e.byte));
        break;
      case 3:
        bytes.splice(at, e.len);
        break;
      case 4:
        bytes.length = Math.min(bytes.length, at);
        break;
      default: {
        // the header length field (bytes 8 to 11), set to a value that lies
        const n = LENGTHS[e.byte % LENGTHS.length] as number;
        for (let k = 0; k < 4 && 8 + k < bytes.length; k++) bytes[8 + k] = (n >>> (8 * k)) & 0xff;
      }
    }
  }
  return new Uint8Array(bytes);
}

// ---------------------------------------------------------------------------------------
// Header text: token edits of real headers, and dicts from a grammar.

const DIMS = [
  "0",
  "1",
  "2",
  "3",
  "7",
  "255",
  "65536",
  "2147483647",
  "2147483648",
  "4294967296",
  "9007199254740991",
  "9007199254740992",
  "9007199254740993",
  "18446744073709551616",
  "100000000000000000000000000000",
  "-1",
  "-9223372036854775808",
  "3L",
  "00",
];

const TYPESTRS = [
  "'<f8'",
  "'|b1'",
  "'<i8'",
  "'>u2'",
  "'|u1'",
  "'|S5'",
  "'<U3'",
  "'>U1'",
  "'|V4'",
  "'<c16'",
  "'<f16'",
  "'>f16'",
  "'<c32'",
  "'<f2'",
  "'<M8[ns]'",
  "'<m8'",
  "'|O'",
  "'|V0'",
  "'|S0'",
  "'<U0'",
  "'x9'",
  "'float64'",
  "'<f3'",
  "'<i99999999999999999999'",
  "'|V2147483647'",
  "'|V100000000'",
  "'|S4294967296'",
  "'<M8[xx]'",
  "'d'",
  "'q'",
  "'?'",
  "'c'",
  "'<f8 '",
  "'=f8'",
  '"<f8"',
  "''",
  "'\\x00'",
  "3",
  "None",
];

const NAMES = [
  "'a'",
  "'b'",
  "'c'",
  "''",
  "'a:b'",
  "'é'",
  "'温度'",
  "'\\u00e9'",
  "('T', 'a')",
  "('a', 'a')",
  "('é', 'b')",
  "3",
  "None",
  "'f0'",
];

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);

const shapeText: fc.Arbitrary<string> = fc.oneof(
  fc
    .array(pick(DIMS.slice(0, 5)), { maxLength: 4 })
    .map((d) => (d.length === 1 ? `(${d[0]},)` : `(${d.join(", ")})`)),
  fc
    .array(pick(DIMS), { maxLength: 4 })
    .map((d) => (d.length === 1 ? `(${d[0]},)` : `(${d.join(", ")})`)),
  pick(["[3]", "3", "()", "(3, 'a')", "((3,),)", "(None,)", "(True,)", "{}", "(3.0,)"]),
);

const { descr: descrText } = fc.letrec<{ descr: string; record: string; sub: string }>((tie) => ({
  descr: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    pick(TYPESTRS),
    tie("record"),
    tie("sub"),
  ),
  record: fc
    .array(
      fc
        .tuple(pick(NAMES), tie("descr"), fc.option(shapeText, { nil: undefined }))
        .map(([name, d, shape]) => `(${name}, ${d}${shape === undefined ? "" : `, ${shape}`})`),
      { maxLength: 4 },
    )
    .map((fields) => `[${fields.join(", ")}]`),
  sub: fc.tuple(tie("descr"), shapeText).map(([d, shape]) => `(${d}, ${shape})`),
}));

const fortranText = pick(["True", "False", "0", "1", "None", "'True'", "()"]);

/** A header dict: the three keys (sometimes one missing, extra or repeated), in any order. */
const headerText: fc.Arbitrary<string> = fc
  .record({
    descr: descrText,
    fortran: fortranText,
    shape: shapeText,
    drop: fc.integer({ min: 0, max: 5 }),
    extra: fc.boolean(),
    order: fc.nat(),
    quote: fc.boolean(),
    comma: fc.boolean(),
  })
  .map((h) => {
    const q = h.quote ? '"' : "'";
    const items = [
      `${q}descr${q}: ${h.descr}`,
      `${q}fortran_order${q}: ${h.fortran}`,
      `${q}shape${q}: ${h.shape}`,
    ];
    if (h.drop < 3) items.splice(h.drop, 1);
    if (h.extra) items.push(h.order % 2 === 0 ? "'x': 1" : `${q}shape${q}: (1,)`);
    const rotated = items.map((_, i) => items[(i + h.order) % items.length] as string);
    return `{${rotated.join(", ")}${h.comma ? ", " : ""}}`;
  });

const TOKENS = [
  ...DIMS,
  ...TYPESTRS,
  ...NAMES,
  "(3,)",
  "()",
  "True",
  "False",
  "[('a', '<i4'), ('a', '<i4')]",
  "[('', '|V100000000'), ('b', '<i4')]",
  "[('a', [], (100000, 100000))]",
  "('<f8', (1000000, 1000000))",
  "('<f8', (2147483648,))",
  ",",
  ":",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  "'",
  '"',
  "\\",
  "\n",
  " ",
  "#",
  "1e3",
  "0x10",
  "1_0",
  "+1",
  "- 1",
  "b'x'",
  "u'<f8'",
  "'''",
  "\u0000",
  "\u00ff",
  "\ud800",
  "😀",
];

const TOKEN = /'[^']*'|"[^"]*"|-?\d+L?|True|False|None|[()[\]{},:]/g;

/** `text` with one token (or a random place) replaced by, or given, a hostile token. */
function editText(text: string, where: number, token: string, mode: number): string {
  const tokens = [...text.matchAll(TOKEN)];
  if (mode === 0 && tokens.length > 0) {
    const t = tokens[where % tokens.length] as RegExpExecArray;
    return text.slice(0, t.index) + token + text.slice(t.index + t[0].length);
  }
  const at = where % (text.length + 1);
  if (mode === 1) return text.slice(0, at) + token + text.slice(at);
  return text.slice(0, at) + text.slice(at + token.length);
}

/** The header text of a valid file (latin1; NumPy's and ours are ASCII). */
function headerOf(file: Uint8Array): string {
  const header = readNpyHeader(file);
  const start = header.version[0] === 1 ? 10 : 12;
  return String.fromCharCode(...file.subarray(start, header.dataOffset)).trimEnd();
}

const wrapping = fc.record({
  version: fc.constantFrom(1, 2, 3),
  data: fc.integer({ min: 0, max: 300 }),
  pad: fc.boolean(),
  lie: fc.constantFrom(0, 0, 0, 0, -1, 1, -7, 64),
});

describe("npy fuzz: loadNpy on hostile files", () => {
  it(
    "byte edits of NumPy's and saveNpy's files",
    () => {
      fc.assert(
        fc.property(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 4 }), (which, edits) => {
          const seed = seeds[which % seeds.length] as Uint8Array;
          loadChecked(applyEdits(seed, edits));
        }),
        runs(1500),
      );
    },
    fuzzTimeout(),
  );

  it(
    "token edits of real headers, rewrapped in every version",
    () => {
      fc.assert(
        fc.property(
          fc.nat(),
          fc.array(fc.tuple(fc.nat(), pick(TOKENS), fc.integer({ min: 0, max: 2 })), {
            minLength: 1,
            maxLength: 3,
          }),
          wrapping,
          (which, edits, w) => {
            const seed = seeds[which % seeds.length] as Uint8Array;
            let text = headerOf(seed);
            for (const [where, token, mode] of edits) text = editText(text, where, token, mode);
            const file = npyFile(text, w.data, w.version, { pad: w.pad, lengthDelta: w.lie });
            loadChecked(file);
          },
        ),
        runs(1500),
      );
    },
    fuzzTimeout(),
  );

  it(
    "header dicts from a grammar (records, sub-arrays, titles, huge and negative dims)",
    () => {
      fc.assert(
        fc.property(headerText, wrapping, (text, w) => {
          loadChecked(npyFile(text, w.data, w.version, { pad: w.pad }));
        }),
        runs(1500),
      );
    },
    fuzzTimeout(),
  );

  it(
    "openNpy and NpyFile.read on the same files, as Blobs",
    async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.nat(),
          fc.array(edit, { maxLength: 3 }),
          fc.nat(),
          fc.nat(),
          async (which, edits, a, b) => {
            const seed = seeds[which % seeds.length] as Uint8Array;
            const file = applyEdits(seed, edits);
            let opened: Awaited<ReturnType<typeof openNpy>>;
            try {
              opened = await openNpy(new Blob([file]));
            } catch (error) {
              outcome(() => {
                throw error;
              });
              return;
            }
            const n = opened.length;
            const start = n === 0 ? 0 : a % (n + 1);
            const stop = start + (n === 0 ? 0 : b % (n - start + 1));
            const part = await opened.read(start, stop);
            expect(part.shape).toEqual(
              opened.header.shape.length === 0
                ? []
                : opened.header.shape.map((d, i) =>
                    i === (opened.header.fortranOrder ? opened.header.shape.length - 1 : 0)
                      ? stop - start
                      : d,
                  ),
            );
            const view = getBuffer(part, PyBUF_FULL_RO);
            expect(toContiguous(view, "C").length).toBe(view.len);
            releaseBuffer(view);
          },
        ),
        runs(200),
      );
    },
    fuzzTimeout(),
  );
});

/**
 * NumPy's header reader on the bytes `data` (`read_magic` and `_read_array_header`, as
 * `np.load` runs them): the shape, fortran_order and itemsize, or its error.
 */
const NUMPY_HEADER = `(lambda fmt, f: (lambda v: (lambda h: [list(h[0]), h[1], h[2].itemsize])(
  fmt._read_array_header(f, v)))(fmt.read_magic(f)))(
  __import__('numpy.lib._format_impl', fromlist=['_']), __import__('io').BytesIO(data))`.replaceAll(
  "\n",
  "",
);

/** readNpyHeader's answer in the oracle's terms. */
function ourHeader(file: Uint8Array): OracleOutcome {
  try {
    const h = readNpyHeader(file);
    return { ok: [h.shape, h.fortranOrder, h.itemsize] };
  } catch (error) {
    return outcome(() => {
      throw error;
    }) as OracleOutcome;
  }
}

// Where the header is fine for NumPy's reader but not for a view (NumPy fails later, at
// the array: negative or huge dimensions), or beyond the descrs and literals NumPy writes.
const OURS_ONLY = /^shape is not valid|^descr is not a valid dtype descriptor/;

// The messages of NumPy's own header checks (read_magic, _read_array_header).
const NUMPY_HEADER_ERRORS =
  /^(the magic string|we only support|EOF: reading|Header info length|Cannot parse header|Header is not a dictionary|Header does not contain|shape is not valid|fortran_order is not|descr is not a valid)/;

describeWithPython("numpy", "npy fuzz: headers against NumPy's reader", (python) => {
  it("NumPy's ValueErrors and messages; the same shape, order and itemsize", async () => {
    const files = [
      ...fc
        .sample(fc.tuple(headerText, wrapping), { numRuns: 500, seed: SEED })
        .map(([t, w]) => npyFile(t, 0, w.version, { pad: w.pad })),
      ...fc
        .sample(fc.tuple(fc.nat(), fc.array(edit, { minLength: 1, maxLength: 3 })), {
          numRuns: 500,
          seed: SEED,
        })
        .map(([which, edits]) => applyEdits(seeds[which % seeds.length] as Uint8Array, edits)),
    ];
    const theirs = await python().batch(
      "builtins",
      "eval",
      files.map((data) => [NUMPY_HEADER, { data }]),
    );
    const wrong: unknown[] = [];
    const kinds = new Map<string, number>();
    files.forEach((file, i) => {
      const numpy = theirs[i] as OracleOutcome;
      const ours = ourHeader(file);
      const text = String.fromCharCode(...file.subarray(0, 200));
      const tag = `${"ok" in numpy ? "ok" : numpy.error}/${"ok" in ours ? "ok" : ours.error}`;
      kinds.set(tag, (kinds.get(tag) ?? 0) + 1);
      if ("ok" in numpy && "ok" in ours) {
        // NumPy's shape may hold bools and bigints; ours are the numbers it means
        const json = (v: unknown) =>
          JSON.stringify(v, (_, x) => (typeof x === "bigint" ? String(x) : x));
        if (json(ours.ok) !== json(numpy.ok)) wrong.push([text, ours, numpy]);
      } else if ("ok" in numpy) {
        if (!("error" in ours && OURS_ONLY.test(ours.message))) wrong.push([text, ours, numpy]);
      } else if (numpy.error === "ValueError") {
        // the header checks' own messages; np.dtype's ValueErrors (a descr that is no
        // dtype) are ValueErrors here too, with the descr named
        const own = NUMPY_HEADER_ERRORS.test(numpy.message);
        // (a 1.0 or 2.0 header that fails is quoted as tokenize.untokenize rewrote it
        // when NumPy retried without Python 2's `L`s: spacing at line ends may differ)
        const retried = file[6] !== 3 && numpy.message.startsWith("Cannot parse header: ");
        const same =
          "error" in ours &&
          ours.error === "ValueError" &&
          (!own ||
            ours.message === numpy.message ||
            (retried && ours.message.startsWith("Cannot parse header: ")));
        if (!same) wrong.push([text, ours, numpy]);
      }
    });
    expect(wrong.slice(0, 5)).toEqual([]);
    // both readers accepted some files and refused others
    expect(kinds.get("ok/ok") ?? 0).toBeGreaterThan(10);
    expect(kinds.get("ValueError/ValueError") ?? 0).toBeGreaterThan(100);
  });
});

// ---------------------------------------------------------------------------------------
// .npz archives.

const npzCases = loadVectors<{ cases: { npz: Uint8Array }[] }>("npy_npz").cases.map((c) => c.npz);
const small = seeds.slice(0, 6);
const archives = [
  ...npzCases,
  saveNpz(small.map((s) => loadNpy(s))),
  saveNpz(
    small.map((s) => loadNpy(s)),
    { compress: true },
  ),
];

/** Offsets of every zip record signature (local, central, end, Zip64 end and locator). */
function records(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i + 4 <= bytes.length; i++) {
    if (bytes[i] === 0x50 && bytes[i + 1] === 0x4b && [1, 3, 5, 6].includes(bytes[i + 2] ?? 0)) {
      out.push(i);
    }
  }
  return out;
}

const FIELD_VALUES = [
  0, 1, 2, 8, 0x7f, 0xff, 0x800, 0xffff, 0x10000, 0x7fffffff, 0xfffffffe, 0xffffffff,
];

interface ZipEdit {
  readonly record: number;
  readonly field: number;
  readonly width: number;
  readonly value: number;
}

const zipEdit: fc.Arbitrary<ZipEdit> = fc.record({
  record: fc.nat(),
  field: fc.integer({ min: 0, max: 56 }),
  width: fc.constantFrom(1, 2, 4),
  value: fc.oneof(pick(FIELD_VALUES), fc.nat()),
});

/** `bytes` with a field of a record (a size, an offset, a count, a flag…) overwritten. */
function editZip(bytes: Uint8Array, edits: readonly ZipEdit[]): Uint8Array {
  const out = bytes.slice();
  const at = records(out);
  for (const e of edits) {
    if (at.length === 0) break;
    const base = (at[e.record % at.length] as number) + e.field;
    for (let k = 0; k < e.width && base + k < out.length; k++) {
      out[base + k] = (e.value >>> (8 * k)) & 0xff;
    }
  }
  return out;
}

/** Every member of the archive read and checked, or the family's errors. */
function readAll(bytes: Uint8Array): void {
  const listed = outcome(() => loadNpz(bytes));
  if (!("ok" in listed)) return;
  const npz = listed.ok as ReturnType<typeof loadNpz>;
  for (const key of npz.files) {
    expect(typeof key).toBe("string");
    const raw = outcome(() => npz.bytes(key).length);
    // never more than deflate can make of the archive's bytes
    if ("ok" in raw) expect(raw.ok).toBeLessThanOrEqual(1032 * bytes.length);
    const got = outcome(() => npz.get(key));
    if ("ok" in got) {
      const array = got.ok as NpyArray;
      const view = getBuffer(array, PyBUF_FULL_RO);
      expect(toContiguous(view, "C").length).toBe(view.len);
      releaseBuffer(view);
    }
  }
}

const member = (name: string, data: Uint8Array, over: Partial<ZipMember> = {}): ZipMember => ({
  name,
  parts: [data],
  method: 0,
  crc: crc32([data]),
  size: data.length,
  ...over,
});

describe("npz fuzz: loadNpz on hostile archives", () => {
  it(
    "field edits of records, byte edits and truncations",
    () => {
      fc.assert(
        fc.property(
          fc.nat(),
          fc.array(zipEdit, { maxLength: 3 }),
          fc.array(edit, { maxLength: 2 }),
          (which, fields, edits) => {
            const archive = archives[which % archives.length] as Uint8Array;
            readAll(applyEdits(editZip(archive, fields), edits));
          },
        ),
        runs(800),
      );
    },
    fuzzTimeout(),
  );

  it(
    "members that lie: sizes (zip bombs), CRCs, methods, names",
    () => {
      const npy = ourFiles[0] as Uint8Array;
      // 1 MiB of zeros deflates to about a kilobyte: declared sizes up to 2^53 over it
      const bomb = deflateSync(new Uint8Array(1 << 20));
      fc.assert(
        fc.property(
          pick(["a.npy", "../../etc/passwd.npy", "/abs.npy", "", "a\u0000b.npy", "温度.npy"]),
          pick([0, 8, 12, 99]),
          fc.oneof(
            pick([0, 1, 1 << 20, npy.length, npy.length + 1, 0xffffffff, 2 ** 40, 2 ** 53 - 1]),
            fc.nat(),
          ),
          fc.boolean(),
          fc.boolean(),
          (name, method, size, deflated, badCrc) => {
            const data = deflated ? bomb : npy;
            const members = [
              member(name, data, {
                method: method as 0 | 8,
                size,
                crc: badCrc ? 1 : crc32([data]),
              }),
              member("a.npy", npy),
            ];
            readAll(writeZip(members));
          },
        ),
        runs(300),
      );
    },
    fuzzTimeout(),
  );
});

// ---------------------------------------------------------------------------------------
// dtype strings and saveNpy over random descrs and formats.

/** A Python descr literal as the JS descr the API takes (tuples as arrays). */
function jsDescr(text: string): unknown {
  const json = text
    .replaceAll("(", "[")
    .replaceAll(")", "]")
    .replace(/,\s*]/g, "]")
    .replace(/'((?:[^'\\]|\\.)*)'/g, (_, s: string) => JSON.stringify(s))
    .replace(/\bNone\b/g, "null");
  try {
    return JSON.parse(json);
  } catch {
    return text;
  }
}

const FORMAT_PARTS = [
  "b",
  "B",
  "h",
  "i",
  "l",
  "q",
  "Q",
  "n",
  "N",
  "e",
  "f",
  "d",
  "g",
  "Zf",
  "Zd",
  "Zg",
  "?",
  "c",
  "3s",
  "2w",
  "O",
  "x",
  "7x",
  "4i",
  "(2,3)h",
  "(100000,100000)d",
  "99999999999999999999x",
  "100000000x",
  "<",
  ">",
  "!",
  "=",
  "@",
  "^",
  "T{",
  "}",
  ":a:",
  ":b:",
  "u",
  "&",
  "t",
  "X",
  "P",
  " ",
  ":",
  "(",
  ")",
];

const formatText = fc.array(pick(FORMAT_PARTS), { maxLength: 12 }).map((p) => p.join(""));

describe("dtype strings and saveNpy fuzz", () => {
  it(
    "formatFromDescr, structFormatFromDescr and descrFromFormat",
    () => {
      fc.assert(
        fc.property(
          descrText,
          formatText,
          fc.constantFrom<"numpy" | "view">("numpy", "view"),
          (d, f, style) => {
            const descr = jsDescr(d) as Descr;
            outcome(() => formatFromDescr(descr, { style }));
            outcome(() => structFormatFromDescr(descr));
            const back = outcome(() => descrFromFormat(f));
            if ("ok" in back) outcome(() => formatFromDescr(back.ok as Descr));
          },
        ),
        runs(2000),
      );
    },
    fuzzTimeout(),
  );

  it(
    "saveNpy and saveNpz with random formats and descrs, read back",
    () => {
      fc.assert(
        fc.property(
          formatText,
          descrText,
          fc.boolean(),
          fc.integer({ min: 0, max: 3 }),
          (f, d, useDescr, n) => {
            const made = outcome(() => {
              const itemsize = calcSize(f);
              if (itemsize * n > 1 << 16) return null;
              const data = new Uint8Array(Math.max(1, itemsize * n));
              return new NDBuffer(data.buffer, { shape: [n], format: f, itemsize });
            });
            if (!("ok" in made) || made.ok === null) return;
            const options = useDescr ? { descr: jsDescr(d) as Descr } : {};
            const saved = outcome(() => saveNpy(made.ok, options));
            if ("ok" in saved) {
              const file = new Uint8Array(saved.ok as number[]);
              const read = outcome(() => loadNpy(file));
              if ("ok" in read) checkArray(read.ok as NpyArray, file);
            }
            const zipped = outcome(() =>
              saveNpz({ a: made.ok }, { ...options, compress: n % 2 === 0 }),
            );
            if ("ok" in zipped) readAll(new Uint8Array(zipped.ok as number[]));
          },
        ),
        runs(1000),
      );
    },
    fuzzTimeout(),
  );
});
