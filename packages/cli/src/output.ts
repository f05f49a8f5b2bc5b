/**
 * Buffered text output with backpressure: lines gather into one string and go to the
 * stream in blocks of about 64 KiB, waiting for `drain` when the reader is slower than
 * us, so output of any length runs in constant memory. A closed pipe (`pybuf … | head`)
 * ends the command quietly, as it should; any other write error (a full disk) ends it
 * with one line on stderr and status 1 (`write-error.ts`).
 */
import { once } from "node:events";
import type { Writable } from "node:stream";
import { endOnWriteError } from "./write-error.js";

const BLOCK = 64 * 1024;

/**
 * Lines out to a stream, in blocks.
 *
 * @example
 * ```ts
 * const out = new LineWriter(process.stdout);
 * out.line("(1, 2)");
 * await out.end();
 * ```
 */
export class LineWriter {
  readonly #stream: Writable;
  #pending = "";

  constructor(stream: Writable) {
    this.#stream = stream;
    endOnWriteError(stream);
  }

  /** Queues one line (a newline is added). */
  line(text: string): void {
    this.#pending += `${text}\n`;
  }

  /** Queues text as it is. */
  text(text: string): void {
    this.#pending += text;
  }

  /** Writes what is queued once it is a block, waiting while the stream is full. */
  async flushIfFull(): Promise<void> {
    if (this.#pending.length >= BLOCK) await this.flush();
  }

  /** Writes everything queued, waiting while the stream is full. */
  async flush(): Promise<void> {
    if (this.#pending === "") return;
    const block = this.#pending;
    this.#pending = "";
    if (!this.#stream.write(block)) await once(this.#stream, "drain");
  }

  /** Writes everything queued. */
  async end(): Promise<void> {
    await this.flush();
  }
}
