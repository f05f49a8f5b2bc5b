/**
 * `.npy` and `.npz` files as command input: recognised by their first bytes (NumPy's
 * magic string, a zip's `PK`), their header read through `@pybuffer/npy` without
 * reading the data, so `view`, `layout`, `unpack` and `info` need no `--format` or
 * `--offset` for them.
 */

import { stat } from "node:fs/promises";
import { type NpyFile, openNpy } from "@pybuffer/npy";
import { openFile } from "./file-source.js";

const NPY_MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];

/** What a file starts with: a `.npy`, a zip (`.npz`) or something else. */
export async function fileKind(path: string): Promise<"npy" | "zip" | "other"> {
  const { handle } = await openFile(path);
  try {
    const head = new Uint8Array(6);
    const { bytesRead } = await handle.read(head, 0, 6, 0);
    if (bytesRead === 6 && NPY_MAGIC.every((b, i) => head[i] === b)) return "npy";
    if (
      bytesRead >= 4 &&
      head[0] === 0x50 &&
      head[1] === 0x4b &&
      (head[2] === 3 || head[2] === 5)
    ) {
      return "zip";
    }
    return "other";
  } finally {
    await handle.close();
  }
}

/**
 * Runs `use` with the `.npy` file at `path` opened (its header read, the data not), or
 * returns `null` when the file is no `.npy`.
 *
 * @example
 * ```ts
 * const shape = await withNpy("a.npy", async (file) => file.header.shape);
 * ```
 */
export async function withNpy<T>(
  path: string,
  use: (file: NpyFile) => Promise<T>,
): Promise<T | null> {
  if ((await fileKind(path)) !== "npy") return null;
  const { handle } = await openFile(path);
  try {
    return await use(await openNpy(handle));
  } finally {
    await handle.close();
  }
}

/**
 * The format of the `.npy` file `arg` names, for commands that take a FORMAT; `null`
 * when `arg` is no `.npy` file (then it is a format).
 *
 * @example
 * ```ts
 * await npyFormat("weights.npy"); // "T{i:id:=d:value:}"
 * ```
 */
export async function npyFormat(arg: string): Promise<string | null> {
  if (!(await isFile(arg))) return null;
  return withNpy(arg, async (file) => file.format);
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * `pybuf unpack FILE.npy`: the format, file, data offset and item count from the header,
 * or `null` unless the only positional is a `.npy` file.
 */
export async function npyUnpackArgs(
  positionals: readonly string[],
): Promise<{ positionals: [string, string]; offset: number; items: number } | null> {
  const [path] = positionals;
  if (positionals.length !== 1 || path === undefined || !(await isFile(path))) return null;
  return withNpy(path, async (file) => ({
    positionals: [file.format, path],
    offset: file.header.dataOffset,
    items: file.header.shape.reduce((a, b) => a * b, 1),
  }));
}
