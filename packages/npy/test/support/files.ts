/** `.npy` files made by hand from header text, for the hostile and fuzz tests. */

/** How {@link npyFile} lays the header out. */
export interface NpyFileOptions {
  /** Pad the text with spaces and a newline to a multiple of 64, as NumPy does (default true). */
  readonly pad?: boolean;
  /** Added to the header length written in the prefix (a length that lies). */
  readonly lengthDelta?: number;
}

/**
 * A file of format `version` (1, 2 or 3): the prefix, `text` (latin1 bytes for 1.0 and
 * 2.0, a character past U+00FF keeping its low byte; UTF-8 for 3.0) and `data` bytes of
 * a pattern.
 *
 * @example
 * npyFile("{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }", 24).length; // 152
 */
export function npyFile(
  text: string,
  data = 0,
  version = 1,
  options: NpyFileOptions = {},
): Uint8Array<ArrayBuffer> {
  const prefix = version === 1 ? 10 : 12;
  let body =
    version === 3
      ? new TextEncoder().encode(text)
      : Uint8Array.from(text, (ch) => (ch.codePointAt(0) as number) & 0xff);
  if (options.pad !== false) {
    let n = 0;
    while ((prefix + body.length + n + 1) % 64 !== 0) n++;
    const padded = new Uint8Array(body.length + n + 1).fill(0x20);
    padded.set(body);
    padded[padded.length - 1] = 0x0a;
    body = padded;
  }
  const out = new Uint8Array(prefix + body.length + data);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  const view = new DataView(out.buffer);
  const length = Math.max(0, body.length + (options.lengthDelta ?? 0));
  if (version === 1) view.setUint16(8, Math.min(length, 0xffff), true);
  else view.setUint32(8, Math.min(length, 0xffffffff), true);
  out.set(body, prefix);
  for (let i = prefix + body.length; i < out.length; i++) out[i] = (i * 73 + 5) & 0xff;
  return out;
}
