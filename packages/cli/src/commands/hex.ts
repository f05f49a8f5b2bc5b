/**
 * `pybuf hex FILE`: a dump with offsets and ASCII, or with `--sep`, exactly Python's
 * `data.hex(sep, bytes_per_sep)` on one line. Streamed: files of any size.
 */
import { OverflowError } from "@pybuffer/struct";
import { intOption, type ParsedArgs, positionals, stringOption } from "../args.js";
import type { Command } from "../command.js";
import { openFile, readChunks } from "../file-source.js";
import { checkSep, dumpLine, pythonHex } from "../hex-text.js";
import { usageError } from "../usage-error.js";

const C_INT_MIN = -(2n ** 31n);
const C_INT_MAX = 2n ** 31n - 1n;

/** `--bytes-per-sep`, a C `int` as `bytes.hex` takes it (default 1). */
function bytesPerSep(args: ParsedArgs): number {
  const text = stringOption(args, "bytes-per-sep");
  if (text === undefined) return 1;
  const match = /^([+-]?)(\d+|0x[\da-f]+)$/i.exec(text.trim());
  if (match === null) {
    throw usageError("hex", `--bytes-per-sep must be an integer, not '${text}'`);
  }
  const value = BigInt(match[2]!) * (match[1] === "-" ? -1n : 1n);
  if (value < C_INT_MIN || value > C_INT_MAX) {
    throw new OverflowError("Python int too large to convert to C int");
  }
  return Number(value);
}

/**
 * The `hex` command.
 *
 * @example
 * ```sh
 * pybuf hex sample.wav --length 32
 * pybuf hex sample.wav --sep : --bytes-per-sep 2   # data.hex(':', 2)
 * ```
 */
export const hexCommand: Command = {
  name: "hex",
  help: `usage: pybuf hex FILE [--offset N] [--length N] [--sep S [--bytes-per-sep N]] [--plain]

Without --sep or --plain: a dump, 16 bytes a line in groups of 4, with offsets and ASCII.
With --sep S: data.hex(S, N) on one line, as Python prints it (N > 0 groups from the
right, N < 0 from the left; default 1). With --plain: data.hex().

options:
  --offset N          start at byte N
  --length N          at most N bytes
  --sep S             one ASCII character between groups
  --bytes-per-sep N   bytes per group (default 1)
  --plain             data.hex(), no separators`,
  options: {
    offset: { type: "string" },
    length: { type: "string" },
    sep: { type: "string" },
    "bytes-per-sep": { type: "string" },
    plain: { type: "boolean" },
  },
  async run(args, out) {
    const [path] = positionals("hex", args, ["FILE"]);
    const offset = intOption("hex", args, "offset", 0) ?? 0;
    const limit = intOption("hex", args, "length", 0);
    const sep = stringOption(args, "sep");
    const perSep = bytesPerSep(args);
    if (sep !== undefined) checkSep(sep);
    const python =
      sep !== undefined || args.values.plain === true || args.values["bytes-per-sep"] !== undefined;
    const { handle, size } = await openFile(path!);
    try {
      const start = Math.min(offset, size);
      const length = Math.min(size - start, limit ?? Infinity);
      const hex = pythonHex(length, sep, perSep);
      let position = 0;
      for await (const bytes of readChunks(handle, start, length, 1 << 16)) {
        if (python) {
          out.text(hex(bytes, position));
        } else {
          for (let i = 0; i < bytes.length; i += 16) {
            out.line(dumpLine(bytes.subarray(i, i + 16), start + position + i));
          }
        }
        position += bytes.length;
        await out.flushIfFull();
      }
      if (python) out.line("");
    } finally {
      await handle.close();
    }
  },
};
