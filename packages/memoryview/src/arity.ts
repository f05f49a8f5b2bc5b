/**
 * CPython's `TypeError`s for a call with the wrong number of arguments, in the words
 * of the machinery each memoryview member goes through there: Argument Clinic
 * (`memoryview()`, `tobytes()`, `hex()`, `cast()`), `METH_NOARGS` / `METH_O` methods
 * (`tolist()`, `count()`), `METH_FASTCALL` ones (`index()`), and slot wrappers
 * (`__getitem__`, `__setitem__`, `__eq__`, `__hash__`, `__iter__`). JavaScript would
 * ignore an extra argument silently; Python refuses it.
 */

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * Argument Clinic: `name() takes at most N arguments (G given)`, or
 * `name() missing required argument 'first' (pos 1)` when `first` is required and absent.
 *
 * @example
 * clinic("cast", 2, 3, "format"); // TypeError: cast() takes at most 2 arguments (3 given)
 */
export function clinic(name: string, max: number, given: number, first?: string): void {
  if (given > max) {
    throw new TypeError(`${name}() takes at most ${plural(max, "argument")} (${given} given)`);
  }
  if (given === 0 && first !== undefined) {
    throw new TypeError(`${name}() missing required argument '${first}' (pos 1)`);
  }
}

/**
 * A method without arguments: `memoryview.tolist() takes no arguments (1 given)`.
 *
 * @example
 * noArguments("memoryview.tolist", 1); // TypeError
 */
export function noArguments(name: string, given: number): void {
  if (given !== 0) throw new TypeError(`${name}() takes no arguments (${given} given)`);
}

/**
 * A slot wrapper: `expected 1 argument, got 2` (`__setitem__` words it with a leading
 * space in CPython, and so do we: pass `lead`).
 *
 * @example
 * slotArity(1, 2); // TypeError: expected 1 argument, got 2
 */
export function slotArity(expected: number, given: number, lead = ""): void {
  if (given !== expected) {
    throw new TypeError(`${lead}expected ${plural(expected, "argument")}, got ${given}`);
  }
}
