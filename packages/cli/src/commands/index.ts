// Every `pybuf` command, in the order `pybuf --help` lists them. A command's module, and
// the packages it imports, load only when it runs (`import()`), so that `pybuf --help`,
// `pybuf --version` and a wrong command line load none of them.
import type { CommandEntry } from "../command.js";

/** The commands of `pybuf`. */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "calcsize",
    summary: "the size of a struct format in bytes (struct.calcsize)",
    load: async () => (await import("./calcsize.js")).calcsizeCommand,
  },
  {
    name: "layout",
    summary: "a byte map of a format: offsets, sizes, padding, names, records",
    load: async () => (await import("./layout.js")).layoutCommand,
  },
  {
    name: "unpack",
    summary: "every record of a file (struct.iter_unpack), streamed",
    load: async () => (await import("./unpack.js")).unpackCommand,
  },
  {
    name: "pack",
    summary: "values to bytes (struct.pack), as hex or into a file",
    load: async () => (await import("./pack.js")).packCommand,
  },
  {
    name: "view",
    summary: "a memoryview over a file, printed like tolist()",
    load: async () => (await import("./view.js")).viewCommand,
  },
  {
    name: "hex",
    summary: "the bytes of a file in hex (a dump, or bytes.hex(sep, n))",
    load: async () => (await import("./hex.js")).hexCommand,
  },
  {
    name: "info",
    summary: "what a NumPy .npy or .npz file holds: dtype, shape, order, formats",
    load: async () => (await import("./info.js")).infoCommand,
  },
  {
    name: "sample",
    summary: "write a copy of the sample WAV file the tour shows, to try the commands on",
    load: async () => (await import("./sample-copy.js")).sampleCommand,
  },
];
