/**
 * Writing an output file whole or not at all: the bytes go to a temporary file beside
 * the target, which is renamed over it only once every byte is written. A failed
 * write (a full disk, `ulimit -f`) leaves the target as it was and no temporary file.
 */
import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * Writes `bytes` to `path` atomically (temporary file, then rename).
 *
 * @example
 * ```ts
 * await writeWhole("out.bin", new Uint8Array([1, 2]));
 * ```
 */
export async function writeWhole(path: string, bytes: Uint8Array): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${process.pid}-${randomBytes(4).toString("hex")}.tmp`,
  );
  try {
    await writeFile(temporary, bytes, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => {});
    // Errors name the file asked for, as Python's open(path, "wb") would.
    const system = error as { path?: unknown; dest?: unknown };
    if (typeof system?.path === "string") system.path = path;
    if (typeof system?.dest === "string") delete system.dest;
    throw error;
  }
}
