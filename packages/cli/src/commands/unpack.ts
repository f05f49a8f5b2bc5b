/**
 * `pybuf unpack FORMAT FILE`: `struct.iter_unpack(FORMAT, data[offset:offset+count*size])`
 * over a file of any size, read in 1 MiB chunks into one reused buffer and printed as it
 * goes, so memory stays flat whatever the file's size.
 */
import { parseFormat, Struct, StructError } from "@pybuffer/struct";
import { intOption, positionals, stringOption } from "../args.js";
import { ABI_OPTION, type Command, structOptions } from "../command.js";
import { CHUNK_BYTES, openFile, readChunks } from "../file-source.js";
import { npyUnpackArgs } from "../npy-input.js";
import { progressBar } from "../progress.js";
import { OUTPUT_FORMATS, recordPrinter } from "../record-printer.js";
import { usageError } from "../usage-error.js";

/** Records whose text decides the table's column widths. */
const WIDTH_SAMPLE = 256;

/**
 * The `unpack` command.
 *
 * @example
 * ```sh
 * pybuf unpack '<IHHd' records.bin --offset 16 --output jsonl
 * ```
 */
export const unpackCommand: Command = {
  name: "unpack",
  help: `usage: pybuf unpack FORMAT FILE [--offset N] [--count N] [--output FORMAT] [--abi ABI]
       pybuf unpack FILE.npy [--offset N] [--count N] [--output FORMAT]

Prints struct.iter_unpack(FORMAT, data[N:]) for the bytes of FILE, one record per line.
Files of any size are streamed in constant memory; a progress bar shows on a terminal.
For a NumPy .npy file, FORMAT and where the data starts come from its header (--offset
then counts from the data), and its items are unpacked in the file's order.

options:
  --offset N      skip N bytes first (a header)
  --count N       unpack at most N records (data[offset:offset + N * calcsize(FORMAT)])
  --output F      table (default: named columns), tuple (Python's print(record)),
                  jsonl (one JSON value per line), csv (Python's csv.writer, with a header),
                  fields (name = value, one a line: for headers)
  --abi ABI       the C ABI of native mode: lp64 (default), llp64, wasm32

The bytes unpacked must be a whole number of records, as for struct.iter_unpack.`,
  options: {
    ...ABI_OPTION,
    offset: { type: "string" },
    count: { type: "string", short: "n" },
    output: { type: "string", short: "O" },
  },
  async run(args, out) {
    // `pybuf unpack FILE.npy`: the header gives the format, where the data starts and its
    // item count (the records in the file's order).
    const npy = await npyUnpackArgs(args.positionals);
    const [format, path] = npy?.positionals ?? positionals("unpack", args, ["FORMAT", "FILE"]);
    const offset = (npy?.offset ?? 0) + (intOption("unpack", args, "offset", 0) ?? 0);
    const count =
      npy === null
        ? intOption("unpack", args, "count", 0)
        : Math.min(npy.items, intOption("unpack", args, "count", 0) ?? Infinity);
    const output = stringOption(args, "output") ?? "table";
    if (!OUTPUT_FORMATS.includes(output)) {
      throw usageError(
        "unpack",
        `--output must be one of ${OUTPUT_FORMATS.join(", ")}, not '${output}'`,
      );
    }
    const options = structOptions("unpack", args);
    const struct = new Struct(format!, options);
    if (struct.size === 0)
      throw new StructError("cannot iteratively unpack with a struct of length 0");
    const { handle, size } = await openFile(path!);
    try {
      const start = Math.min(offset, size);
      const length = Math.min(size - start, count === undefined ? Infinity : count * struct.size);
      if (length % struct.size !== 0) {
        throw new StructError(
          `iterative unpacking requires a buffer of a multiple of ${struct.size} bytes`,
        );
      }
      // Only now: the printer is as large as a record's values (after the size check,
      // a format of a few characters cannot make it before the file is seen).
      const printer = recordPrinter(output, parseFormat(format!, options));
      const printHead = (records: readonly unknown[][]): number => {
        for (const line of printer.start(records)) out.text(line + printer.eol);
        records.forEach((record, i) => {
          out.text(printer.row(record, i) + printer.eol);
        });
        return records.length;
      };
      const chunk = Math.max(1, Math.floor(CHUNK_BYTES / struct.size)) * struct.size;
      const bar = progressBar(length);
      let index = 0;
      let read = 0;
      let first: unknown[][] | null = [];
      for await (const bytes of readChunks(handle, start, length, chunk)) {
        for (const record of struct.iterUnpack(bytes)) {
          if (first !== null) {
            first.push(record);
            if (first.length < WIDTH_SAMPLE) continue;
            index = printHead(first);
            first = null;
            continue;
          }
          out.text(printer.row(record, index++) + printer.eol);
          await out.flushIfFull();
        }
        read += bytes.length;
        bar.update(read);
      }
      if (first !== null) printHead(first);
      bar.finish();
    } finally {
      await handle.close();
    }
  },
};
