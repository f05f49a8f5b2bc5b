/** Exporters that push core's rules to their edge, for the npy and umbrella tests. */
import { type BufferView, bf_getbuffer, bf_releasebuffer } from "@pybuffer/core";

/**
 * An exporter of an empty view whose address lies past its memory's end: core checks no
 * address for no bytes, so this is a valid export.
 *
 * @example
 * getBuffer(emptyPastTheEnd(), PyBUF_SIMPLE).len; // 0
 */
export function emptyPastTheEnd(): object {
  const memory = new ArrayBuffer(8);
  return {
    [bf_getbuffer](flags: number): BufferView {
      return {
        memory,
        buf: 2 ** 32 + 1,
        len: 0,
        itemsize: 1,
        ndim: 1,
        shape: [0],
        strides: [1],
        suboffsets: null,
        format: "B",
        readonly: (flags & 1) === 0,
        obj: this,
        abi: "lp64",
        internal: null,
      };
    },
    [bf_releasebuffer](): void {},
  };
}
