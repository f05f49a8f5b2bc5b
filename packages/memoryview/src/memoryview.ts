/**
 * `memoryview`: Python 3's view of an exporter's memory (`Objects/memoryobject.c`).
 * Every MemoryView is registered on a {@link ManagedBuffer} holding the exporter's one
 * master view, and owns private copies of shape, strides and suboffsets. Contiguity
 * flags are computed whenever a layout is made (`init_flags`); every entry point first
 * checks that the view is not released and that its bytes still exist.
 */
import {
  type BufferView,
  bf_getbuffer,
  bf_releasebuffer,
  checkBuffer,
  type NdimOfShape,
  PyBUF_FULL_RO,
  pythonTypeName,
  type ShapedExporter,
} from "@pybuffer/core";
import { tp_name, ValueError } from "@pybuffer/struct";
import { installPrinting } from "@pybuffer/struct/print";
import { clinic, noArguments, slotArity } from "./arity.js";
import { castLayout, checkCastFormat } from "./cast.js";
import { memoryEquals } from "./compare.js";
import { isByteFormat, nativeSize } from "./format.js";
import { exportOf, heldExportsError } from "./guards.js";
import { hashBytes } from "./hash.js";
import { checkHexLength, hexArgs, hexString } from "./hex.js";
import type { Ellipsis, Key } from "./indexing.js";
import { failingCodec } from "./item-codec.js";
import { C, F, ownLayout, RELEASED } from "./layout.js";
import { ManagedBuffer } from "./managed-buffer.js";
import { memoryRepr } from "./print.js";
import { count, indexOf, iterate } from "./sequence.js";
import type { Slice, SliceBound } from "./slice.js";
import { deleteItem, getItem, setItem, sliceView } from "./subscript.js";
import { toBytes } from "./to-bytes.js";
import { toList } from "./to-list.js";
import { ViewState } from "./view-state.js";
import type { ItemKey, ItemOf, IterItem, Known, ListOf } from "./view-types.js";

/**
 * What {@link newView} hands the constructor: the managed buffer the new view registers on
 * and its own layout, taken once.
 *
 * A fresh object per view, rather than two module variables set by `newView` as before:
 * V8 keeps a module's variables in an old-generation object, and storing each new view's
 * layout there went through the write barrier's slow path (create + slice + release,
 * counted with callgrind: about 100 of 2,300 instructions per iteration).
 */
class ViewSeed {
  declare readonly mbuf: ManagedBuffer;
  declare readonly view: BufferView;
  /** Set by the constructor that takes it: `newView` checks that a subclass passed it on. */
  declare taken: boolean;
  constructor(mbuf: ManagedBuffer, view: BufferView) {
    this.mbuf = mbuf;
    this.view = view;
    this.taken = false;
  }
}

// Methods under symbol keys are declared here and installed by the static block:
// isolatedDeclarations cannot emit computed method names of a class.
/**
 * The exporter side of {@link MemoryView} (see the class).
 *
 * @example
 * getBuffer(m, PyBUF_SIMPLE).obj === m; // true
 */
// `any` defaults: a view whose format and dimensions are not known is `MemoryView`, and a
// typed one (`MemoryView<"d", 1>`) must be usable where a `MemoryView` is taken. Its members
// then give today's general types (`unknown`); `any` never reaches a result.
// biome-ignore lint/suspicious/noExplicitAny: see above
export interface MemoryView<F extends string = any, N extends number = any>
  extends ShapedExporter<F, N> {
  /**
   * `memory_getbuf`: a memoryview is an exporter. The exported view's `obj` is this
   * memoryview, which cannot be released until the export is given back.
   */
  [bf_getbuffer](flags: number): BufferView;
  /** `memory_releasebuf`: one export fewer. */
  [bf_releasebuffer](view: BufferView): void;
}

/**
 * Python's `memoryview`. `new MemoryView(obj)` is `memoryview(obj)`: `obj` is any
 * exporter (an object with a `Symbol.for("pybuffer.bf_getbuffer")` method) or another
 * MemoryView (then the new view shares its managed buffer).
 *
 * Python → JavaScript: `m[i]` → `m.get(i)`, `m[i, j]` → `m.get([i, j])`,
 * `m[a:b:c]` → `m.slice(a, b, c)`, `m[i] = v` → `m.set(i, v)`, `m[a:b] = x` →
 * `m.set(new Slice(a, b), x)`, `len(m)` → `m.length`, `m == x` → `m.equals(x)`,
 * `with memoryview(x) as m:` → `using m = memoryview(x)`.
 *
 * @example
 * const m = new MemoryView(new NDBuffer(new Uint8Array([1, 2, 3]).buffer, { shape: [3] }));
 * m.toList(); // [1, 2, 3]
 * m.slice(null, null, -1).toList(); // [3, 2, 1]
 * m.release();
 */
// biome-ignore lint/suspicious/noUnsafeDeclarationMerging: the static block installs the symbol methods
// biome-ignore lint/suspicious/noExplicitAny: the defaults, as on the interface above
export class MemoryView<F extends string = any, N extends number = any>
  extends ViewState
  implements Iterable<IterItem<F, N>>
{
  static {
    // console.log shows what String() shows (toString below).
    installPrinting(MemoryView.prototype, memoryRepr, false);
    Object.defineProperties(MemoryView.prototype, {
      // Python's name for the type, in messages ("…, not memoryview").
      [tp_name]: { value: "memoryview", configurable: true },
      [bf_getbuffer]: {
        value(this: MemoryView, flags: number): BufferView {
          return this._getbuffer(flags);
        },
        writable: true,
        configurable: true,
      },
      [bf_releasebuffer]: {
        value(this: MemoryView): void {
          this._releasebuffer();
        },
        writable: true,
        configurable: true,
      },
    });
  }

  constructor(obj: unknown) {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    const given = arguments.length;
    // Called only when wrong: a call per view made is a call too many (bench slice-release).
    if (given !== 1) clinic("memoryview", 1, given, "object");
    let mbuf: ManagedBuffer;
    let view: BufferView;
    if (obj instanceof ViewSeed && !obj.taken) {
      obj.taken = true;
      mbuf = obj.mbuf;
      view = obj.view;
    } else if (obj instanceof MemoryView) {
      obj._alive();
      mbuf = obj._mbuf;
      view = ownLayout(obj._view);
    } else {
      const source = (new.target as typeof MemoryView).exporterOf(obj);
      if (!checkBuffer(source)) {
        throw new TypeError(
          `memoryview: a bytes-like object is required, not '${pythonTypeName(obj)}'`,
        );
      }
      const master = exportOf(source, PyBUF_FULL_RO);
      mbuf = new ManagedBuffer(master, true);
      view = ownLayout(master);
    }
    super(mbuf, view);
  }

  /**
   * What `new Class(obj)` exports when `obj` is not a memoryview: `obj` itself here. A
   * subclass that takes other kinds of sources overrides it (the `pybuffer` umbrella's
   * class turns JavaScript's binary types into exporters); anything it returns that is not
   * an exporter meets memoryview's `TypeError`, naming `obj`'s type. Views derived from a
   * view (slices, casts, `toReadOnly()`) do not come here.
   *
   * @example
   * class Bytes extends MemoryView {
   *   protected static override exporterOf(obj: unknown): unknown {
   *     return obj instanceof Uint8Array ? new NDBuffer(obj.slice().buffer, { shape: [obj.length] }) : obj;
   *   }
   * }
   * new Bytes(new Uint8Array([1, 2])).toList(); // [1, 2]
   */
  protected static exporterOf(obj: unknown): unknown {
    return obj;
  }

  /**
   * @internal A new view on the same managed buffer with layout `view`, of this view's
   * class: a subclass (the `pybuffer` umbrella's, which takes JavaScript's binary types as
   * arguments) keeps its class through slices, casts and `toReadOnly()`.
   */
  _derive(view: BufferView): MemoryView {
    return newView(this._mbuf, view, this.constructor as typeof MemoryView);
  }

  // ---------------------------------------------------------------- lifecycle

  /**
   * `release()`: gives the view up; the exporter's buffer goes back when the last view on
   * it is released. Idempotent. `BufferError('memoryview has 1 exported buffer')` while
   * buffers exported from this view are held.
   *
   * @example
   * m.release();
   * m.released; // true
   */
  release(): void {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    const given = arguments.length;
    if (given !== 0) noArguments("memoryview.release", given);
    if ((this._flags & RELEASED) !== 0) return;
    // The error built elsewhere: `release` is inlined where views are made and given up,
    // and a smaller body leaves V8 more of its inlining budget (bench slice-release).
    if (this._exports > 0) throw heldExportsError(this._exports);
    this._flags |= RELEASED;
    this._mbuf.unregister();
  }

  /**
   * Whether `release()` has run (Python shows it only in the repr).
   *
   * @example
   * m.released; // false
   */
  get released(): boolean {
    return (this._flags & RELEASED) !== 0;
  }

  /**
   * `__exit__`: `using m = memoryview(x)` releases `m` at the end of the block.
   *
   * @example
   * { using m = new MemoryView(nd); m.toList(); } // released here
   */
  [Symbol.dispose](): void {
    this.release();
  }

  /**
   * `repr(m)` with what a person wants at a glance: `<memory>` (JavaScript has no
   * addresses) with the format, shape, strides, read-only flag and first items, or
   * `<released memory>`. `console.log(m)` prints the same.
   *
   * @example
   * String(m); // "<memory format='B' shape=(3,) strides=(1,) readonly=False [1, 2, 3]>"
   */
  override toString(): string {
    return memoryRepr(this);
  }

  /**
   * `toreadonly()`: a read-only view of the same memory (always a new view).
   *
   * @example
   * m.toReadOnly().readonly; // true
   */
  toReadOnly(): MemoryView<F, N>;
  toReadOnly(): MemoryView {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    noArguments("memoryview.toreadonly", arguments.length);
    this._alive();
    const view = this._copyLayout();
    view.readonly = true;
    return this._derive(view);
  }

  // ---------------------------------------------------------------- contents

  /**
   * `tobytes(order='C')`: the items' bytes in C (`"C"`, `null`, omitted) or Fortran
   * (`"F"`) order; `"A"` keeps the physical order of a contiguous view.
   *
   * @example
   * m.toBytes(); // Uint8Array [1, 2, 3]
   */
  toBytes(order?: "C" | "F" | "A" | null): Uint8Array<ArrayBuffer> {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    clinic("tobytes", 1, arguments.length);
    if (order !== undefined && order !== null && typeof order !== "string") {
      throw new TypeError(
        `tobytes() argument 'order' must be str or None, not ${pythonTypeName(order)}`,
      );
    }
    this._alive();
    const o = order ?? "C";
    if (o !== "C" && o !== "F" && o !== "A") throw new ValueError("order must be 'C', 'F' or 'A'");
    this._bytes();
    const flags = this._flags;
    if (o === "F") return toBytes(this._view, "F", (flags & F) !== 0);
    return toBytes(this._view, "C", (flags & (o === "A" ? C | F : C)) !== 0);
  }

  /**
   * `hex([sep[, bytes_per_sep]])`: lower-case hex of `toBytes()`, optionally grouped.
   *
   * @example
   * m.hex(); // "b901ef"
   * m.hex(":", 2); // "b9:01ef"
   */
  hex(sep?: string | Uint8Array, bytesPerSep?: number | bigint): string {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    clinic("hex", 2, arguments.length);
    const [code, per] = hexArgs(sep, bytesPerSep);
    this._alive();
    this._bytes();
    const v = this._view;
    checkHexLength(v.len, code, per);
    // A C-contiguous view is read in place; CPython copies it first, to no effect.
    const bytes =
      v.len === 0
        ? new Uint8Array(0)
        : (this._flags & C) !== 0 || v.ndim === 0
          ? new Uint8Array(v.memory, v.buf, v.len)
          : toBytes(v, "C", false);
    return hexString(bytes, code, per);
  }

  /**
   * `tolist()`: the items as nested arrays (a 0-d view gives its item).
   *
   * @example
   * m.toList(); // [[1, 2], [3, 4]]
   */
  toList(): ListOf<F, N>;
  toList(): unknown {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    noArguments("memoryview.tolist", arguments.length);
    this._alive();
    let codec = this._fmt();
    if (codec instanceof Error) codec = failingCodec(codec);
    this._bytes();
    const v = this._view;
    return toList(v, codec, this._mbuf.dv(), nativeSize(codec.code, v.abi));
  }

  // ---------------------------------------------------------------- items

  /**
   * `m[key]`: `get(i)` an item of a 1-D view, `get([i, j])` an item of a 2-D view,
   * `get([])` the item of a 0-d view, `get(Ellipsis)` the 0-d view itself,
   * `get(new Slice(a, b, c))` a sub-view along dimension 0, and (beyond CPython)
   * `get([slice0, slice1, …])` a sub-view sliced in several dimensions.
   *
   * @example
   * m.get(-1); // the last item
   * m2d.get([1, 2]);
   */
  get(key: ItemKey<N>): ItemOf<F>;
  get(key: Slice | readonly Slice[] | typeof Ellipsis): MemoryView<F, N>;
  get(key: Key): unknown;
  get(key: Key): unknown {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    slotArity(1, arguments.length);
    return getItem(this, key);
  }

  /**
   * `m[key] = value`: packs `value` into one item (same keys as {@link get}), or, with a
   * {@link Slice} key (or an array of slices), copies an exporter of the same structure
   * into that slice.
   *
   * @example
   * m.set(0, 255);
   * m.set(new Slice(0, 2), other);
   */
  set(key: Key, value: unknown): void {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    slotArity(2, arguments.length, " ");
    setItem(this, key, value);
  }

  /**
   * `del m[key]`: always a `TypeError`, as in CPython.
   *
   * @example
   * m.delete(0); // TypeError: cannot delete memory
   */
  delete(key: Key): never {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    slotArity(1, arguments.length);
    return deleteItem(this, key);
  }

  /**
   * `m[start:stop:step]`: a sub-view along dimension 0 (negative steps reverse).
   *
   * @example
   * m.slice(1); // m[1:]
   * m.slice(null, null, -1); // m[::-1]
   */
  slice(start?: SliceBound, stop?: SliceBound, step?: SliceBound): MemoryView<F, N>;
  slice(start?: SliceBound, stop?: SliceBound, step?: SliceBound): MemoryView {
    // Python's slice(a, b, c) builtin takes the bounds.
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    const given = arguments.length;
    if (given > 3) throw new TypeError(`slice expected at most 3 arguments, got ${given}`);
    return sliceView(this, start, stop, step);
  }

  /**
   * `iter(m)`: the items of a 1-D view.
   *
   * @example
   * [...m]; // [1, 2, 3]
   */
  [Symbol.iterator](): IterableIterator<IterItem<F, N>>;
  [Symbol.iterator](): IterableIterator<unknown> {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    slotArity(0, arguments.length);
    return iterate(this);
  }

  /**
   * `count(value)` (Python 3.14): the number of items equal to `value`.
   *
   * @example
   * m.count(1); // 2
   */
  count(value: unknown): number {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    const given = arguments.length;
    if (given !== 1) {
      throw new TypeError(`memoryview.count() takes exactly one argument (${given} given)`);
    }
    return count(this, value);
  }

  /**
   * `index(value, start=0, stop=sys.maxsize)` (Python 3.14).
   *
   * @example
   * m.index(3); // 2
   */
  index(value: unknown, start?: number | bigint, stop?: number | bigint): number {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    const given = arguments.length;
    if (given === 0) throw new TypeError("index expected at least 1 argument, got 0");
    if (given > 3) throw new TypeError(`index expected at most 3 arguments, got ${given}`);
    return indexOf(this, value, start, stop);
  }

  // ---------------------------------------------------------------- views

  /**
   * `cast(format[, shape])`: the same bytes as another native format and/or shape
   * (C-contiguous views only; one side a byte format; 1-D ↔ N-D). Never copies.
   *
   * @example
   * m.cast("I", [2, 2]);
   */
  cast<G extends string>(format: G): MemoryView<Known<G, string>, 1>;
  cast<G extends string, const S extends readonly (number | bigint)[]>(
    format: G,
    shape: S,
  ): MemoryView<Known<G, string>, Known<NdimOfShape<S>, number>>;
  cast(format: string, shape?: readonly (number | bigint)[]): MemoryView {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    clinic("cast", 2, arguments.length, "format");
    checkCastFormat(format);
    this._alive();
    const view = castLayout(this._view, (this._flags & C) !== 0, format, shape);
    return this._derive(view);
  }

  /**
   * `m == other`: format-aware comparison with another view or any exporter (items
   * unpacked and compared with Python's `==`; NaN unequal to itself). A released view
   * equals only itself.
   *
   * @example
   * m.equals(m.toReadOnly()); // true
   */
  equals(other: unknown): boolean {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    slotArity(1, arguments.length);
    return memoryEquals(this, other);
  }

  /**
   * `hash(m)`: for read-only `B`/`b`/`c` views, `hashBytes(m.toBytes())`, which is
   * CPython's `hash(m)` in a Python started with `PYTHONHASHSEED=0`. Cached.
   *
   * @example
   * m.toReadOnly().hash(); // -4594863902769663758n for b"abc"
   */
  hash(): bigint {
    // biome-ignore lint/complexity/noArguments: CPython's arity errors need the real argument count
    slotArity(0, arguments.length);
    if (this._hash !== null) return this._hash;
    this._alive();
    const v = this._view;
    if (!v.readonly) throw new ValueError("cannot hash writable memoryview object");
    if (!isByteFormat(v.format as string)) {
      throw new ValueError("memoryview: hashing is restricted to formats 'B', 'b' or 'c'");
    }
    this._bytes();
    this._hash = hashBytes(toBytes(v, "C", (this._flags & C) !== 0));
    return this._hash;
  }
}

/**
 * @internal A new MemoryView registered on `mbuf` with layout `view`.
 *
 * @example
 * newView(m._mbuf, m._copyLayout());
 */
export function newView(
  mbuf: ManagedBuffer,
  view: BufferView,
  kind: typeof MemoryView = MemoryView,
): MemoryView {
  const seed = new ViewSeed(mbuf, view);
  const m = new kind(seed);
  if (!seed.taken) {
    // A subclass constructor that did not hand its argument to `super`: the view it made
    // is not the one asked for.
    m.release();
    throw new TypeError(
      `${kind.name}: a MemoryView subclass must pass its constructor's argument to super()`,
    );
  }
  return m;
}
