/**
 * `pybuf view FILE --format F`: a memoryview over the bytes of a file, with a format and
 * shape, optionally cast and sliced, printed as `m.tolist()` prints (n-d aware,
 * truncated past `--max-items`). Only the bytes viewed (`--offset`, `--length`) are read,
 * into memory; their size is checked as `memoryview.cast` checks it.
 */
import { MemoryView, memoryview } from "@pybuffer/memoryview";
import { calcSize } from "@pybuffer/struct";
import { fromBinary } from "@pybuffer/typedarray";
import { intOption, type ParsedArgs, positionals, stringOption } from "../args.js";
import { type Command, structOptions } from "../command.js";
import { readRegion } from "../file-source.js";
import { infoLine, itemRepr, listText } from "../list-text.js";
import { withNpy } from "../npy-input.js";
import type { LineWriter } from "../output.js";
import { sliceKey } from "../slice-key.js";
import { usageError } from "../usage-error.js";

function shapeOption(text: string | undefined): number[] | undefined {
  if (text === undefined) return undefined;
  const dims = text.split(/[,x]/).map((d) => d.trim());
  if (!dims.every((d) => /^\d+$/.test(d))) {
    throw usageError("view", `--shape must be sizes separated by commas, not '${text}'`);
  }
  return dims.map(Number);
}

function stridesOption(
  text: string | undefined,
  shape: number[] | undefined,
): number[] | undefined {
  if (text === undefined) return undefined;
  const dims = text.split(",").map((d) => d.trim());
  if (!dims.every((d) => /^-?\d+$/.test(d))) {
    throw usageError("view", `--strides must be byte steps separated by commas, not '${text}'`);
  }
  if (shape === undefined || shape.length !== dims.length) {
    throw usageError("view", "--strides needs --shape with as many dimensions");
  }
  return dims.map(Number);
}

/** Fortran order's strides (first index fastest), as NumPy's `order='F'` lays them out. */
function fortranStrides(shape: readonly number[], itemsize: number): number[] {
  const strides: number[] = [];
  let step = itemsize;
  for (const n of shape) {
    strides.push(step);
    step *= Math.max(n, 1);
  }
  return strides;
}

/**
 * The checks `memoryview(data).cast(format, shape)` makes of the size, with its errors.
 *
 * @example
 * ```ts
 * checkSize(10, 4, undefined); // TypeError: memoryview: length is not a multiple of itemsize
 * ```
 */
function checkSize(bytes: number, itemsize: number, shape: number[] | undefined): void {
  if (itemsize > 0 && bytes % itemsize !== 0) {
    throw new TypeError("memoryview: length is not a multiple of itemsize");
  }
  if (shape !== undefined && shape.reduce((a, b) => a * b, itemsize) !== bytes) {
    throw new TypeError("memoryview: product(shape) * itemsize != buffer size");
  }
}

/**
 * The `view` command.
 *
 * @example
 * ```sh
 * pybuf view sample.wav --offset 44 --format h --shape 64,2 --slice ::16
 * ```
 */
export const viewCommand: Command = {
  name: "view",
  help: `usage: pybuf view FILE --format F [--shape A,B,…] [--order C|F | --strides A,B,…]
                  [--cast F2] [--slice S] [--offset N] [options]
       pybuf view FILE.npy [--cast F2] [--slice S] [options]

Views the bytes of FILE (from --offset, --length bytes) with struct format F and the
given shape (default: one dimension), then m.cast(F2) and m[S], and prints
m.tolist() as Python does: a nested list, one row a line in two or more dimensions.
A NumPy .npy file (without --format) is viewed as np.load gives it: format, shape and
order from its header.

options:
  --format F        struct format of one item (d, <h, >I, T{…}, …)
  --shape A,B,…     dimensions (their product times calcsize(F) must be the size)
  --order C|F       the items in C order (default: last index fastest) or Fortran
                    order (first index fastest), as NumPy's order='F'
  --strides A,B,…   bytes between items along each dimension instead (may be negative;
                    every item must lie inside the bytes viewed)
  --cast F2         then m.cast(F2), with CPython's rules
  --slice S         then m[S]: 1:3, ::-1, 2, or one part per dimension (1:3,::2)
  --offset N        skip N bytes of the file first
  --length N        view at most N bytes
  --max-items N     show the first and last 3 along each dimension past N items (1000)
  --info            first a line with format, itemsize, shape, strides, nbytes
  --abi ABI         the C ABI of native mode: lp64 (default), llp64, wasm32`,
  options: {
    format: { type: "string", short: "f" },
    shape: { type: "string" },
    order: { type: "string" },
    strides: { type: "string" },
    cast: { type: "string" },
    slice: { type: "string" },
    offset: { type: "string" },
    length: { type: "string" },
    "max-items": { type: "string" },
    info: { type: "boolean" },
    abi: { type: "string" },
  },
  async run(args, out) {
    const [path] = positionals("view", args, ["FILE"]);
    const format = stringOption(args, "format");
    const maxItems = intOption("view", args, "max-items", 0) ?? 1000;
    // A .npy file says its own format, shape and order: viewed as np.load gives it.
    const npy =
      format === undefined ? await withNpy(path!, async (f) => memoryview(await f.read())) : null;
    if (npy !== null) return show(npy, args, out, maxItems);
    if (format === undefined) throw usageError("view", "missing --format F");
    const shape = shapeOption(stringOption(args, "shape"));
    const offset = intOption("view", args, "offset", 0) ?? 0;
    const length = intOption("view", args, "length", 0);
    const options = structOptions("view", args);
    const order = stringOption(args, "order") ?? "C";
    if (order !== "C" && order !== "F") {
      throw usageError("view", `--order must be C or F, not '${order}'`);
    }
    let strides = stridesOption(stringOption(args, "strides"), shape);
    if (strides !== undefined && order === "F") {
      throw usageError("view", "--order and --strides cannot be used together");
    }
    const bytes = await readRegion(path!, offset, length);
    const itemsize = calcSize(format, options);
    // Explicit strides may skip bytes: the exporter checks that every item lies inside.
    if (strides === undefined) checkSize(bytes.length, itemsize, shape);
    if (order === "F" && shape !== undefined) strides = fortranStrides(shape, itemsize);
    const exporter = fromBinary(bytes, {
      format,
      ...(shape === undefined ? {} : { shape }),
      ...(strides === undefined ? {} : { strides }),
      ...(options.abi === undefined ? {} : { abi: options.abi }),
      readonly: true,
    });
    show(memoryview(exporter), args, out, maxItems);
  },
};

/** `m.cast(F2)[S]` as the options say, printed as `tolist()`. */
function show(view: MemoryView, args: ParsedArgs, out: LineWriter, maxItems: number): void {
  let m = view;
  const cast = stringOption(args, "cast");
  if (cast !== undefined) m = m.cast(cast);
  const slice = stringOption(args, "slice");
  const item = slice === undefined ? m : m.get(sliceKey(slice, "view"));
  if (!(item instanceof MemoryView)) {
    out.line(itemRepr(m)(item));
    return;
  }
  if (args.values.info === true) out.line(infoLine(item));
  out.line(listText(item, maxItems));
}
