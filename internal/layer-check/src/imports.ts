/**
 * The module specifiers a source file refers to: static `import`/`export … from`,
 * `import type`, side-effect imports, dynamic `import()` with a string literal and
 * `require()`. TypeScript's own pre-processor finds them, so comments and strings that
 * merely look like imports are not counted.
 */
import ts from "typescript";

export interface ImportRef {
  readonly specifier: string;
  /** 1-based line of the specifier in the file. */
  readonly line: number;
}

export function findImports(source: string): ImportRef[] {
  const info = ts.preProcessFile(source, true, true);
  const starts = lineStarts(source);
  return info.importedFiles.map((ref) => ({
    specifier: ref.fileName,
    line: lineOf(starts, ref.pos),
  }));
}

function lineStarts(source: string): number[] {
  const starts = [0];
  for (let i = 0; i < source.length; i++) if (source.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function lineOf(starts: readonly number[], pos: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= pos) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}
