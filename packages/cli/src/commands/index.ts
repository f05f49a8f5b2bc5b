// Every `pybuf` command, in the order `pybuf --help` lists them.
import type { Command } from "../command.js";
import { calcsizeCommand } from "./calcsize.js";
import { hexCommand } from "./hex.js";
import { infoCommand } from "./info.js";
import { layoutCommand } from "./layout.js";
import { packCommand } from "./pack.js";
import { sampleCommand } from "./sample-copy.js";
import { unpackCommand } from "./unpack.js";
import { viewCommand } from "./view.js";

/** The commands of `pybuf`. */
export const COMMANDS: readonly Command[] = [
  calcsizeCommand,
  layoutCommand,
  unpackCommand,
  packCommand,
  viewCommand,
  hexCommand,
  infoCommand,
  sampleCommand,
];
