/**
 * The exception classes of the pybuffer family, one per CPython exception.
 *
 * They live in the lowest layer and every other package re-exports them, so there is
 * one class per kind. `instanceof` also holds across two installed copies of the
 * family: each instance carries the brand names of its class chain under a
 * `Symbol.for` key, and `Symbol.hasInstance` checks the brand, not the prototype.
 * CPython's `TypeError` maps to JavaScript's own `TypeError`.
 */

const BRANDS: unique symbol = Symbol.for("pybuffer.error.brands") as never;

type Branded = { readonly [BRANDS]?: readonly string[] };

function brandsOf(value: unknown): readonly string[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const brands = (value as Branded)[BRANDS];
  return Array.isArray(brands) ? brands : undefined;
}

/** Base of every pybuffer error (Python's `Exception`). */
export class PyError extends Error {
  /** The class's brand: its CPython name, stable across copies and minifiers. */
  static readonly pythonName: string = "Exception";

  constructor(message: string) {
    super(message);
    const brands: string[] = [];
    for (
      let ctor = new.target as unknown as typeof PyError | undefined;
      ctor && Object.hasOwn(ctor, "pythonName");
      ctor = Object.getPrototypeOf(ctor) as typeof PyError | undefined
    ) {
      brands.push(ctor.pythonName);
    }
    Object.defineProperty(this, BRANDS, { value: brands });
    Object.defineProperty(this, "name", {
      value: new.target.name,
      configurable: true,
      writable: true,
    });
  }

  /**
   * Python's `__notes__` (PEP 678): lines added after the message, for a hint that
   * CPython's own message does not carry. Absent until {@link PyError.addNote} adds one.
   */
  declare notes?: string[];

  /**
   * Python's `add_note(note)`: appends `note` to {@link PyError.notes}.
   *
   * @example
   * error.addNote("encode text first: new TextEncoder().encode(text)");
   */
  addNote(note: string): void {
    if (typeof note !== "string") throw new TypeError("note must be a str");
    if (this.notes === undefined) this.notes = [];
    this.notes.push(note);
  }

  /** `instanceof` by brand, so errors from another installed copy still match. */
  static override [Symbol.hasInstance](value: unknown): boolean {
    // `this` is the class on the right of `instanceof`, a subclass included: its brand
    // is what the value must carry.
    // biome-ignore lint/complexity/noThisInStatic: the receiver is the point here
    return brandsOf(value)?.includes(this.pythonName) === true;
  }
}

/** Python's `struct.error`. */
export class StructError extends PyError {
  static override readonly pythonName: string = "struct.error";
}

/** Python's `BufferError`. */
export class BufferError extends PyError {
  static override readonly pythonName: string = "BufferError";
}

/** Python's `ValueError`. */
export class ValueError extends PyError {
  static override readonly pythonName: string = "ValueError";
}

/**
 * Python's `UnicodeEncodeError`, a `ValueError` as in Python: raised where CPython
 * encodes text to ASCII (a format string with non-ASCII characters).
 */
export class UnicodeEncodeError extends ValueError {
  static override readonly pythonName: string = "UnicodeEncodeError";
}

/**
 * Python's `UnicodeDecodeError`, a `ValueError` as in Python: raised where bytes are
 * decoded as text (the opt-in `encoding` option of `Struct`).
 */
export class UnicodeDecodeError extends ValueError {
  static override readonly pythonName: string = "UnicodeDecodeError";
}

/** Python's `IndexError`. */
export class IndexError extends PyError {
  static override readonly pythonName: string = "IndexError";
}

/** Python's `OverflowError`. */
export class OverflowError extends PyError {
  static override readonly pythonName: string = "OverflowError";
}

/** Python's `MemoryError`: a result or allocation too large to make. */
export class MemoryError extends PyError {
  static override readonly pythonName: string = "MemoryError";
}

/** Python's `SystemError`: a C-API call made against its contract. */
export class SystemError extends PyError {
  static override readonly pythonName: string = "SystemError";
}

/** Python's `NotImplementedError`. */
export class NotImplementedError extends PyError {
  static override readonly pythonName: string = "NotImplementedError";
}

/**
 * The CPython name of an error thrown by pybuffer (`"struct.error"`, `"ValueError"`,
 * `"TypeError"` for JavaScript's own), or `undefined` for anything else. Tests use it
 * to compare with CPython's exception class.
 */
export function pythonErrorName(error: unknown): string | undefined {
  const brands = brandsOf(error);
  if (brands !== undefined) return brands[0];
  if (error instanceof TypeError) return "TypeError";
  return undefined;
}
