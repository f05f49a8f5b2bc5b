/**
 * `pybuf sample FILE`: writes a copy of the WAV file the tour shows to FILE (never over
 * an existing file), so that every example of the README runs where the reader stands.
 */
import { constants, copyFileSync } from "node:fs";
import { positionals } from "../args.js";
import type { Command } from "../command.js";
import { samplePath } from "../package-file.js";

/**
 * The `sample` command.
 *
 * @example
 * ```sh
 * pybuf sample tone.wav    # wrote tone.wav: a 300-byte WAV file, 64 stereo 16-bit frames
 * ```
 */
export const sampleCommand: Command = {
  name: "sample",
  help: `usage: pybuf sample FILE

Writes a copy of the sample file bundled with pybuf (a WAV file: a 44-byte RIFF header,
then 64 stereo frames of 16-bit samples) to FILE, which must not exist yet.`,
  options: {},
  async run(args, out) {
    const [file] = positionals("sample", args, ["FILE"]);
    copyFileSync(samplePath(), file!, constants.COPYFILE_EXCL);
    out.line(`wrote ${file}: a 300-byte WAV file, 64 stereo frames of 16-bit samples`);
  },
};
