/**
 * The format argument as CPython's `Struct.__init__` takes it: a `str` (here a
 * string) or `bytes` (here a Uint8Array of ASCII), checked for type, ASCII and NUL.
 */
import { StructError, UnicodeEncodeError } from "../errors.js";
import { pyTypeName } from "../py-types.js";

/**
 * Longest format accepted, in characters (256 KiB). A format is often untrusted input;
 * its layout costs memory per run of codes (`bbbb` is one run, `bhbh` four), about
 * 330 bytes each once compiled, so this bounds a hostile format to ~90 MB and under a
 * second (`"bh".repeat(2 ** 17)`: 0.25 s to parse, 0.85 s to compile on a shared machine).
 * CPython has no limit; the longest formats NumPy writes for real records are far
 * shorter.
 */
export const MAX_FORMAT_LENGTH: number = 1 << 18;

function tooLongFormat(length: number): StructError {
  return new StructError(
    `struct format of ${length} characters is longer than the ${MAX_FORMAT_LENGTH} accepted`,
  );
}

/** A format argument: a string, or bytes as a Uint8Array. */
export type FormatSource = string | Uint8Array;

/**
 * The format as a string, with CPython's checks (and our length limit, first): a
 * non-str, non-bytes format is a `TypeError`, a non-ASCII string a `UnicodeEncodeError` (a `ValueError`),
 * an embedded NUL `struct.error: embedded null character`. Non-ASCII bytes stay in
 * the text and later fail as "bad char in struct format".
 *
 * @example
 * formatText(new Uint8Array([0x3c, 0x69])); // "<i"
 */
export function formatText(fmt: unknown): string {
  let text: string;
  if (typeof fmt === "string") {
    if (fmt.length > MAX_FORMAT_LENGTH) throw tooLongFormat(fmt.length);
    text = fmt;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c > 0x7f) throw nonAscii(text, i);
    }
  } else if (fmt instanceof Uint8Array) {
    if (fmt.length > MAX_FORMAT_LENGTH) throw tooLongFormat(fmt.length);
    text = "";
    for (let i = 0; i < fmt.length; i++) text += String.fromCharCode(fmt[i]!);
  } else {
    throw new TypeError(
      `Struct() argument 1 must be a str or bytes object, not ${pyTypeName(fmt)}`,
    );
  }
  if (text.includes("\0")) throw new StructError("embedded null character");
  return text;
}

function nonAscii(text: string, index: number): UnicodeEncodeError {
  // Python counts code points, JavaScript UTF-16 units.
  return cantEncode("ascii", text.codePointAt(index)!, [...text.slice(0, index)].length, 128);
}

/**
 * Python's `UnicodeEncodeError` for a character its codec cannot encode (`ascii`: below
 * 128, `latin-1`: below 256), the character escaped as Python escapes it.
 *
 * @example
 * cantEncode("ascii", 0xe9, 3, 128).message;
 * // "'ascii' codec can't encode character '\\xe9' in position 3: ordinal not in range(128)"
 */
export function cantEncode(
  codec: string,
  cp: number,
  position: number,
  limit: number,
): UnicodeEncodeError {
  const [x, width] = cp < 0x100 ? ["x", 2] : cp < 0x10000 ? ["u", 4] : ["U", 8];
  return new UnicodeEncodeError(
    `'${codec}' codec can't encode character '\\${x}${cp.toString(16).padStart(width, "0")}' ` +
      `in position ${position}: ordinal not in range(${limit})`,
  );
}
