// Every `pybuf` command (`list.ts`) with its loader. A command's module, and the packages
// it imports, load only when it runs (`import()`), so that `pybuf --help`,
// `pybuf --version` and a wrong command line load none of them.
import type { Command, CommandEntry } from "../command.js";
import { COMMAND_LIST, type CommandName } from "./list.js";

const LOADERS: Readonly<Record<CommandName, () => Promise<Command>>> = {
  calcsize: async () => (await import("./calcsize.js")).calcsizeCommand,
  layout: async () => (await import("./layout.js")).layoutCommand,
  unpack: async () => (await import("./unpack.js")).unpackCommand,
  pack: async () => (await import("./pack.js")).packCommand,
  view: async () => (await import("./view.js")).viewCommand,
  hex: async () => (await import("./hex.js")).hexCommand,
  info: async () => (await import("./info.js")).infoCommand,
  sample: async () => (await import("./sample-copy.js")).sampleCommand,
};

/** The commands of `pybuf`, in the order `pybuf --help` lists them. */
export const COMMANDS: readonly CommandEntry[] = COMMAND_LIST.map((c) => ({
  ...c,
  load: LOADERS[c.name],
}));
