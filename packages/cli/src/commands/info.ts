/**
 * `pybuf info FILE.npy|FILE.npz`: what a NumPy file holds, from its header alone (for an
 * archive, each member's): dtype, shape, order, sizes, the PEP 3118 format its views
 * have and the struct module format of one item.
 */
import {
  descrRepr,
  formatFromDescr,
  loadNpz,
  type NpyHeader,
  readNpyHeader,
  structFormatFromDescr,
} from "@pybuffer/npy";
import { positionals } from "../args.js";
import type { Command } from "../command.js";
import { readRegion } from "../file-source.js";
import { fileKind, withNpy } from "../npy-input.js";
import type { LineWriter } from "../output.js";

/** `f(descr)`, or what stopped it. */
function attempt(f: () => string): string {
  try {
    return f();
  } catch (error) {
    return `none (${(error as Error).message})`;
  }
}

function describe(header: NpyHeader, out: LineWriter): void {
  const { descr, shape, fortranOrder, itemsize } = header;
  const items = shape.reduce((a, b) => a * b, 1);
  out.line(`  descr:    ${descrRepr(descr)}`);
  out.line(`  shape:    (${shape.join(", ")}${shape.length === 1 ? "," : ""})`);
  out.line(`  order:    ${fortranOrder ? "F (fortran_order: True)" : "C"}`);
  out.line(`  itemsize: ${itemsize}, items: ${items}, nbytes: ${items * itemsize}`);
  out.line(`  format:   ${attempt(() => formatFromDescr(descr, { shape }))}`);
  out.line(`  struct:   ${attempt(() => structFormatFromDescr(descr))}`);
}

/**
 * The `info` command.
 *
 * @example
 * ```sh
 * pybuf info weights.npz
 * ```
 */
export const infoCommand: Command = {
  name: "info",
  help: `usage: pybuf info FILE

For a NumPy .npy file, from its header alone: the dtype (descr, as NumPy writes it), the
shape, the order (C, or F for fortran_order), item size and count, the PEP 3118 format
its views have (memoryview(np.load(f)).format) and the struct module format of one
item (what pybuf unpack and struct.iter_unpack take). For a .npz archive, the same for
each member.`,
  options: {},
  async run(args, out) {
    const [path] = positionals("info", args, ["FILE"]);
    const shown = await withNpy(path!, async (file) => {
      const { version, dataOffset } = file.header;
      out.line(`${path}: NumPy .npy ${version.join(".")}, ${dataOffset}-byte header`);
      describe(file.header, out);
      return true;
    });
    if (shown !== null) return;
    if ((await fileKind(path!)) !== "zip") {
      throw new TypeError(`${path} is neither a .npy file nor a .npz archive`);
    }
    const npz = loadNpz(await readRegion(path!, 0, undefined));
    out.line(`${path}: NumPy .npz, ${npz.files.length} member${npz.files.length === 1 ? "" : "s"}`);
    for (const key of npz.files) {
      out.line(`${key}:`);
      describe(readNpyHeader(npz.bytes(key), { maxHeaderSize: Number.MAX_SAFE_INTEGER }), out);
    }
  },
};
