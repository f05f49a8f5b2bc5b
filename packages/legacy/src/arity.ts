/**
 * Python 2.7's `TypeError` for a slot wrapper called with the wrong number of arguments
 * (`b.__getitem__(1, 2)`: `expected 1 arguments, got 2`; always "arguments"). Some
 * wrappers print an empty name first, hence the leading space of `__setitem__`'s and
 * `__mul__`'s message: pass `lead`. JavaScript would ignore an extra argument silently.
 *
 * @example
 * slotArity(1, 2); // TypeError: expected 1 arguments, got 2
 */
export function slotArity(expected: number, given: number, lead = ""): void {
  if (given !== expected) {
    throw new TypeError(`${lead}expected ${expected} arguments, got ${given}`);
  }
}
