/**
 * Compares a fresh measurement with the committed report. Sizes drift by a few bytes with
 * every source change, and several people commit here, so CI fails only on a real
 * difference: an entry added or removed, or a gzip size (own or with deps) that moved by
 * more than {@link TOLERANCE_BYTES} bytes and {@link TOLERANCE_SHARE} of the committed
 * figure. Smaller drift is reported as a note.
 */
import type { Measured } from "./measure.js";

/** Drift below this many gzip bytes, or below this share, is not a failure. */
export const TOLERANCE_BYTES = 256;
export const TOLERANCE_SHARE = 0.03;

interface Committed {
  readonly own: number;
  readonly full: number;
}

/** The gzip figures of each entry in a report written by `renderReport`. */
export function parseReport(text: string): Map<string, Committed> {
  const rows = new Map<string, Committed>();
  for (const line of text.split("\n")) {
    const m = /^\| `([^`]+)` \| \d+ \| (\d+) \| (\d+) \|/.exec(line);
    if (m) rows.set(m[1]!, { own: Number(m[2]), full: Number(m[3]) });
  }
  return rows;
}

function moved(now: number, then: number): boolean {
  const delta = Math.abs(now - then);
  return delta > TOLERANCE_BYTES && delta > TOLERANCE_SHARE * then;
}

/** Differences that fail CI, as messages; empty when the committed report still holds. */
export function compareWithCommitted(measured: readonly Measured[], committed: string): string[] {
  const before = parseReport(committed);
  const problems: string[] = [];
  for (const entry of measured) {
    const then = before.get(entry.specifier);
    if (then === undefined) {
      problems.push(`${entry.specifier} is not in the committed report`);
      continue;
    }
    for (const [what, now, old] of [
      ["own", entry.own.gzip, then.own],
      ["with deps", entry.full.gzip, then.full],
    ] as const) {
      if (moved(now, old)) problems.push(`${entry.specifier} ${what}: ${old} -> ${now} B gzip`);
    }
    before.delete(entry.specifier);
  }
  for (const gone of before.keys())
    problems.push(`${gone} is in the committed report but not built`);
  return problems;
}
