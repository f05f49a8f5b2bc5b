// Every `pybuf` command's name and its line in `pybuf --help`, in the order the help lists
// them: data alone, so that `help.ts` (also built as the CommonJS file the bin answers
// `--help` from) carries no command's loader. `index.ts` adds one per name.

/** A command as `pybuf --help` lists it. */
export interface CommandSummary {
  readonly name: string;
  /** Its line in `pybuf --help`. */
  readonly summary: string;
}

/** The commands of `pybuf`, as `pybuf --help` lists them. */
export const COMMAND_LIST = [
  { name: "calcsize", summary: "the size of a struct format in bytes (struct.calcsize)" },
  { name: "layout", summary: "a byte map of a format: offsets, sizes, padding, names, records" },
  { name: "unpack", summary: "every record of a file (struct.iter_unpack), streamed" },
  { name: "pack", summary: "values to bytes (struct.pack), as hex or into a file" },
  { name: "view", summary: "a memoryview over a file, printed like tolist()" },
  { name: "hex", summary: "the bytes of a file in hex (a dump, or bytes.hex(sep, n))" },
  { name: "info", summary: "what a NumPy .npy or .npz file holds: dtype, shape, order, formats" },
  {
    name: "sample",
    summary: "write a copy of the sample WAV file the tour shows, to try the commands on",
  },
] as const;

/** The name of a `pybuf` command. */
export type CommandName = (typeof COMMAND_LIST)[number]["name"];
