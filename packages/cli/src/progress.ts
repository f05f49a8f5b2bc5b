/**
 * A progress bar on stderr for long reads: only when stderr is a terminal and the input
 * is large, redrawn at most ten times a second, erased when done.
 */

const MIN_BYTES = 32 * 1024 * 1024;
const WIDTH = 30;

/** Progress of a read of `total` bytes. */
export interface Progress {
  update(done: number): void;
  finish(): void;
}

const NONE: Progress = { update() {}, finish() {} };

function mib(bytes: number): string {
  return (bytes / 1048576).toFixed(1);
}

/**
 * A progress bar for `total` bytes, or one that draws nothing when stderr is not a TTY
 * or the input is small.
 *
 * @example
 * ```ts
 * const bar = progressBar(size);
 * bar.update(bytesRead);
 * bar.finish();
 * ```
 */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY || total < MIN_BYTES) return NONE;
  let last = 0;
  return {
    update(done) {
      const now = Date.now();
      if (now - last < 100) return;
      last = now;
      const filled = Math.round((WIDTH * done) / total);
      const percent = Math.floor((100 * done) / total);
      const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
      stream.write(`\r${bar} ${percent}% ${mib(done)}/${mib(total)} MiB`);
    },
    finish() {
      if (last !== 0) stream.write("\r\x1b[2K");
    },
  };
}
