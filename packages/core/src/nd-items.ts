/**
 * Memory packed from items, as `_testbuffer.ndarray(items, …)` builds it: item i at
 * byte `i * itemsize`, packed with the struct module.
 */
import { type Abi, Struct, ValueError } from "@pybuffer/struct";

/**
 * Packs `items` (one value per item, an array of values for formats with several)
 * into a new memory of `items.length * calcsize(format)` bytes. For a 0-dimensional
 * layout `items` is the one item itself. Errors are the struct module's, and
 * `ValueError("initializer list or tuple must not be empty")` as in `_testbuffer`.
 *
 * @example
 * new Uint8Array(packItems([1, 2], "<H", false)); // [1, 0, 2, 0]
 */
export function packItems(
  items: unknown,
  format: string,
  scalar: boolean,
  abi: Abi = "lp64",
): ArrayBuffer {
  const list: unknown[] = scalar ? [items] : (items as unknown[]);
  if (!Array.isArray(list)) throw new TypeError("items must be a list or a tuple");
  if (list.length === 0) throw new ValueError("initializer list or tuple must not be empty");
  const struct = new Struct(format, { abi });
  if (struct.size === 0) throw new ValueError("itemsize must not be zero");
  const memory = new ArrayBuffer(list.length * struct.size);
  list.forEach((item, i) => {
    if (Array.isArray(item)) struct.packInto(memory, i * struct.size, ...item);
    else struct.packInto(memory, i * struct.size, item);
  });
  return memory;
}
