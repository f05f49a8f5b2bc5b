import { pythonErrorName } from "../src/errors.js";

/** What `fn` throws, as CPython would name it: `[class, message]`. */
export function raises(fn: () => unknown): [string | undefined, string] {
  try {
    fn();
  } catch (e) {
    return [pythonErrorName(e), (e as Error).message];
  }
  throw new Error("expected an exception");
}

/** Bytes from hex. */
export function hex(text: string): Uint8Array {
  const out = new Uint8Array(text.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = Number.parseInt(text.slice(2 * i, 2 * i + 2), 16);
  return out;
}

/** Hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

/** ASCII bytes of a string. */
export function ascii(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}
