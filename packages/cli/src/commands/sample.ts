/**
 * `pybuf` with no arguments: the README's main job. It runs the commands a user would
 * type on the sample bundled with the package, `sample/tone.wav` (a WAV file: a RIFF
 * header of three chunks, then 64 stereo frames of 16-bit PCM), echoing each one.
 */
import { parseCommandArgs } from "../args.js";
import type { Command } from "../command.js";
import { pathFromHere, programName } from "../invocation.js";
import type { LineWriter } from "../output.js";
import { samplePath } from "../package-file.js";
import { hexCommand } from "./hex.js";
import { layoutCommand } from "./layout.js";
import { unpackCommand } from "./unpack.js";
import { viewCommand } from "./view.js";

/** The sample's path, inside the installed package. */
export const SAMPLE_PATH: string = samplePath();

/** The WAV header as three PEP 3118 records, named as the WAV specification names them. */
export const WAV_HEADER: string =
  "<T{4s:id: I:size: 4s:format:}:riff: " +
  "T{4s:id: I:size: H:audio_format: H:channels: I:sample_rate: I:byte_rate: " +
  "H:block_align: H:bits_per_sample:}:fmt: T{4s:id: I:size:}:data:";

function shellWord(word: string): string {
  return /^[\w./,:=-]+$/.test(word) ? word : `'${word}'`;
}

/**
 * Runs the sample tour: layout of the header, the header unpacked, the first bytes in
 * hex, and the samples as a 64 x 2 memoryview.
 *
 * @example
 * ```ts
 * await runSample(new LineWriter(process.stdout));
 * ```
 */
export async function runSample(out: LineWriter): Promise<void> {
  // The commands echoed run as printed from where the user stands (invocation.ts).
  const file = pathFromHere(SAMPLE_PATH);
  const prog = programName(SAMPLE_PATH);
  const steps: [Command, string[]][] = [
    [layoutCommand, [WAV_HEADER]],
    [unpackCommand, [WAV_HEADER, file, "--count", "1", "--output", "fields"]],
    [hexCommand, [file, "--length", "48"]],
    [
      viewCommand,
      [file, "--offset", "44", "--format", "<h", "--shape", "64,2", "--info", "--max-items", "24"],
    ],
  ];
  out.line("pybuf: no command given, so here is a tour of the sample file bundled with it,");
  out.line(`${SAMPLE_PATH}:`);
  out.line("a WAV file, a 44-byte RIFF header then 64 stereo frames of 16-bit samples.");
  out.line(
    `Run '${prog} --help' for the commands, '${prog} sample tone.wav' for a copy to try them on.`,
  );
  for (const [command, argv] of steps) {
    out.line("");
    out.line(`$ ${prog} ${command.name} ${argv.map(shellWord).join(" ")}`);
    const real = argv.map((a) => (a === file ? SAMPLE_PATH : a));
    await command.run(parseCommandArgs(command.name, real, command.options), out);
  }
}
