/**
 * Headers that lie and arguments that are wrong: NumPy's ValueError and message where
 * NumPy has the case, the family's error otherwise; never a crash, a hang or an
 * allocation the input decides.
 */
import { getBuffer, NDBuffer, PyBUF_FULL_RO, PyBUF_WRITABLE } from "@pybuffer/core";
import { pythonErrorName } from "@pybuffer/struct";
import { describe, expect, it } from "vitest";
import { descrFromFormat, formatFromDescr, loadNpy, openNpy, saveNpy } from "../src/index.js";
import { npyFile as npy } from "./support/files.js";

/** The spaces npy() pads `header` with. */
function paddingOf(header: string, prefix: number): string {
  let n = 0;
  while ((prefix + header.length + n + 1) % 64 !== 0) n++;
  return " ".repeat(n);
}

const ok = "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }";

function fails(run: () => unknown, name: string, message: string): void {
  let thrown: unknown = null;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(pythonErrorName(thrown), String(thrown)).toBe(name);
  expect((thrown as Error).message).toBe(message);
}

describe("headers NumPy refuses, with NumPy's messages", () => {
  it.each([
    [
      "{'descr': '<f8', 'fortran_order': False}",
      "Header does not contain the correct keys: ['descr', 'fortran_order']",
    ],
    [
      "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), 'x': 1}",
      "Header does not contain the correct keys: ['descr', 'fortran_order', 'shape', 'x']",
    ],
    ["[1, 2]", "Header is not a dictionary: [1, 2]"],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': [3]}", "shape is not valid: [3]"],
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (3, 'a')}", "shape is not valid: (3, 'a')"],
    ["{'descr': '<f8', 'fortran_order': 0, 'shape': (3,)}", "fortran_order is not a valid bool: 0"],
    [
      "{'descr': 'x9', 'fortran_order': False, 'shape': (3,)}",
      "descr is not a valid dtype descriptor: 'x9'",
    ],
    [
      "{'descr': [('a',)], 'fortran_order': False, 'shape': (3,)}",
      "descr is not a valid dtype descriptor: [('a',)]",
    ],
    // Python literals past what NumPy writes, named as Python writes them (fuzzing found
    // these read as "Cannot parse header" before)
    ["{'descr': '<f8', 'fortran_order': False, 'shape': (3.0,)}", "shape is not valid: (3.0,)"],
    [
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1e16, -0.0, 1-2j, .5j)}",
      "shape is not valid: (1e+16, -0.0, (1-2j), 0.5j)",
    ],
    [
      "{'descr': '<f8', 'fortran_order': 0.0, 'shape': (3,)}",
      "fortran_order is not a valid bool: 0.0",
    ],
    [
      "{'descr': b'<f8', 'fortran_order': False, 'shape': (3,)}",
      "descr is not a valid dtype descriptor: b'<f8'",
    ],
    ["({'descr': '<f8'}),", "Header is not a dictionary: ({'descr': '<f8'},)"],
    // NumPy's order: shape (bools are ints to Python), then fortran_order
    [
      "{'descr': '<f8', 'fortran_order': None, 'shape': (True,)}",
      "fortran_order is not a valid bool: None",
    ],
    // np.dtype's own ValueErrors, as descr_to_dtype raises them
    [
      "{'descr': ('<f8', (2147483648,)), 'fortran_order': False, 'shape': (3,)}",
      "invalid shape in fixed-type tuple: dimension does not fit into a C int.",
    ],
    [
      "{'descr': ('<f8', (-1,)), 'fortran_order': False, 'shape': (3,)}",
      "invalid shape in fixed-type tuple: dimension smaller then zero.",
    ],
    [
      "{'descr': ('|V0', (3,)), 'fortran_order': False, 'shape': (3,)}",
      "invalid itemsize in generic type tuple",
    ],
    [
      "{'descr': [('a', '<i4'), (('a', 'b'), '<i4')], 'fortran_order': False, 'shape': (3,)}",
      "title already used as a name or title.",
    ],
    [
      "{'descr': '<f8', 'fortran_order': False, 'shape': (3L,)}",
      "Cannot parse header: \"{'descr': '<f8', 'fortran_order': False, 'shape': (3L,)}\"",
    ],
    [
      "{'descr': '<f8' 'fortran_order': False}",
      "Cannot parse header: \"{'descr': '<f8' 'fortran_order': False}\"",
    ],
  ])("%s", (header, message) => {
    // (3L is read only in 1.0 and 2.0 headers; this one is 3.0)
    fails(
      () => loadNpy(npy(header, 24, header.includes("3L") ? 3 : 1)),
      "ValueError",
      // NumPy's message quotes the whole header text, padding and newline included
      message.startsWith("Cannot parse")
        ? message.replace(/\}"$/, `}${paddingOf(header, header.includes("3L") ? 12 : 10)}\\n"`)
        : message,
    );
  });

  it("reads double quotes, no trailing comma, no padding, and Python 2's 3L in 1.0", () => {
    const header = '{"shape": (3L,), "fortran_order": False, "descr": "<f8"}';
    expect(loadNpy(npy(header, 24)).shape).toEqual([3]);
  });

  it("reads what literal_eval reads: prefixes, bases, underscores, comments", () => {
    const header =
      "{'descr': u'<f8', # a comment\n 'fortran_order': False, 'shape': (0x1_0, 0o1, 0b1), }";
    expect(loadNpy(npy(header, 16 * 8)).shape).toEqual([16, 1, 1]);
    // ('|S0', 3) is np.dtype('S3'), as NumPy reads it
    const strings = "{'descr': ('|S0', 3), 'fortran_order': False, 'shape': (2,), }";
    expect(loadNpy(npy(strings, 6)).format).toBe("3s");
    // an indented last line (no newline after it) is Python's IndentationError
    fails(
      () => loadNpy(npy(`${ok}\n  `, 24, 3, { pad: false })),
      "ValueError",
      `Cannot parse header: "${ok}\\n  "`,
    );
  });

  it("refuses a bad magic string, version, or a truncated file", () => {
    fails(
      () => loadNpy(new Uint8Array(3)),
      "ValueError",
      "EOF: reading magic string, expected 8 bytes got 3",
    );
    const file = npy(ok, 24);
    file[6] = 4;
    fails(
      () => loadNpy(file),
      "ValueError",
      "we only support format version (1,0), (2,0), and (3,0), not (4, 0)",
    );
    fails(
      () => loadNpy(npy(ok, 24).subarray(0, 40)),
      "ValueError",
      "EOF: reading array header, expected 118 bytes got 30",
    );
  });

  it("refuses data shorter than the header says", () => {
    fails(
      () => loadNpy(npy(ok, 23)),
      "ValueError",
      "EOF: reading array data, expected 24 bytes got 23",
    );
    const huge =
      "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000000000, 1000000000000), }";
    fails(
      () => loadNpy(npy(huge, 8)),
      "ValueError",
      "shape is not valid: (1000000000000, 1000000000000)",
    );
  });

  it("refuses a header longer than maxHeaderSize before reading it", async () => {
    const file = npy(ok, 24, 2);
    new DataView(file.buffer).setUint32(8, 0xffffffff, true);
    // a file too short for the header it declares: NumPy's EOF error, as NumPy reads first
    expect(() => loadNpy(file)).toThrow(
      "EOF: reading array header, expected 4294967295 bytes got 140",
    );
    // a file that holds it: refused from the length field, before the text is read
    const huge = { size: 2 ** 33, slice: () => new Blob([file]) } as unknown as Blob;
    await expect(openNpy(huge)).rejects.toThrow(/^Header info length \(4294967295\) is large/);
    expect(() => loadNpy(npy(ok, 24), { maxHeaderSize: 20 })).toThrow(
      /^Header info length \(118\) is large/,
    );
  });

  it("refuses nesting deep enough to exhaust a stack", () => {
    const deep = `{'descr': ${"[('a', ".repeat(5000)}'<f8'${")]".repeat(5000)}, 'fortran_order': False, 'shape': (), }`;
    expect(() => loadNpy(npy(deep, 8, 2), { maxHeaderSize: 1 << 20 })).toThrow(
      /Cannot parse header/,
    );
  });
});

describe("what a buffer format cannot say", () => {
  it.each([
    [
      "'|O'",
      "Object arrays cannot be loaded when allow_pickle=False (descr '|O': the data is a pickle)",
    ],
    ["'<M8[ns]'", "cannot include dtype 'M' in a buffer (descr '<M8[ns]')"],
    ["[('t', '>m8[s]')]", "cannot include dtype 'm' in a buffer (descr [('t', '>m8[s]')])"],
    [
      "'>f16'",
      "cannot expose native-only dtype 'g' in non-native byte order '>' via buffer interface (descr '>f16')",
    ],
    ["'|V0'", "cannot view items of 0 bytes (descr '|V0')"],
  ])("%s", (descr, message) => {
    fails(
      () => loadNpy(npy(`{'descr': ${descr}, 'fortran_order': False, 'shape': (1,), }`, 16)),
      "ValueError",
      message,
    );
  });
});

describe("arguments", () => {
  it.each([
    [undefined, "NoneType"],
    [null, "NoneType"],
    [3, "int"],
    ["npy", "str"],
    [{}, "object"],
    [[1, 2], "list"],
  ])("loadNpy(%s)", (value, name) => {
    fails(
      () => loadNpy(value as never),
      "TypeError",
      `loadNpy: expected bytes, an ArrayBuffer, a Blob or a buffer exporter, not '${name}'`,
    );
  });

  it("refuses a detached buffer", () => {
    const file = npy(ok, 24);
    structuredClone(file.buffer, { transfer: [file.buffer] });
    expect(() => loadNpy(file)).toThrow(/detached/);
  });

  it("a buffer detached by an option's getter mid-call gives a clean error", () => {
    for (const key of ["maxHeaderSize", "readonly"]) {
      const file = npy(ok, 24);
      const options = {
        get [key]() {
          structuredClone(file.buffer, { transfer: [file.buffer] });
          return undefined;
        },
      };
      let thrown: unknown = null;
      try {
        getBuffer(loadNpy(file, options), PyBUF_FULL_RO);
      } catch (error) {
        thrown = error;
      }
      expect(pythonErrorName(thrown), `${key}: ${String(thrown)}`).toMatch(
        /ValueError|BufferError/,
      );
      expect((thrown as Error).message).toMatch(/EOF|detached/);
    }
  });

  it("a view made before the buffer was detached is refused at the next request", () => {
    const file = npy(ok, 24);
    const array = loadNpy(file);
    structuredClone(file.buffer, { transfer: [file.buffer] });
    expect(() => getBuffer(array, PyBUF_FULL_RO)).toThrow(/detached/);
  });

  it("follows the source's writability, and readonly", () => {
    const array = loadNpy(npy(ok, 24), { readonly: true });
    expect(() => getBuffer(array, PyBUF_WRITABLE)).toThrow("Object is not writable.");
    const source = new NDBuffer(npy(ok, 24).buffer, { shape: [152], readonly: true });
    const held = loadNpy(source);
    expect(source.exports).toBe(1);
    expect(() => getBuffer(held, PyBUF_WRITABLE)).toThrow("Object is not writable.");
    held.release();
    expect(source.exports).toBe(0);
  });

  it("formatFromDescr and descrFromFormat refuse what NumPy refuses", () => {
    fails(() => formatFromDescr("float64"), "TypeError", "data type 'float64' not understood");
    fails(
      () =>
        formatFromDescr([
          ["a", "<i4"],
          ["a", "<i4"],
        ]),
      "ValueError",
      // descr_to_dtype's message (np.dtype of the list says "field 'a' occurs more than once")
      "name already used as a name or title",
    );
    fails(
      () => formatFromDescr([["a:b", "<i4"]]),
      "ValueError",
      "':' is not an allowed character in buffer field names",
    );
    fails(
      () => descrFromFormat("T{i:a:i:a:}"),
      "ValueError",
      "'T{i:a:i:a:}' is not a valid PEP 3118 buffer format string",
    );
    fails(() => descrFromFormat(3 as never), "TypeError", "format must be a str, not 'number'");
  });

  it("saveNpy writes the formats NumPy reads, and refuses the others", () => {
    const odd = new NDBuffer(new ArrayBuffer(16), { shape: [2], format: "n" });
    expect(saveNpy(odd).length).toBe(144);
    const padded = new NDBuffer(new ArrayBuffer(32), {
      shape: [2],
      format: "T{d:a:b:b:}",
      itemsize: 16,
    });
    expect(saveNpy(padded).length).toBe(128 + 32);
    fails(
      () => saveNpy(new NDBuffer(new ArrayBuffer(8), { shape: [1], format: "P" })),
      "ValueError",
      "'P' is not a valid PEP 3118 buffer format string",
    );
  });
});
