#!/usr/bin/env node
/**
 * `pybuf`: the pybuffer command line. With no arguments it tours the sample file bundled
 * with it; otherwise `pybuf COMMAND …` (see `pybuf --help`). Every failure is one line on
 * stderr and a non-zero exit (`fail.ts`). With `PYBUF_REPORT_RSS=1` in the environment,
 * the peak resident memory is printed on stderr at exit (the streaming tests use it).
 *
 * `pybuf --help` and `pybuf --version` are answered by `help.ts` (the bin, `bin/pybuf.cjs`,
 * answers them from its CommonJS build before this module loads); everything else loads
 * `run.ts`, and the commands load the engine (`@pybuffer/struct`, …) they use.
 */
import { COMMANDS } from "./commands/index.js";
import { answerHelp, reportPeakRss } from "./help.js";

const argv = process.argv.slice(2);
if (!answerHelp(argv)) {
  await (await import("./run.js")).run(argv, COMMANDS);
  reportPeakRss();
}
