/**
 * How the user who ran `pybuf` types it and names files, so that the commands the tour
 * echoes run exactly as printed from where they stand: `pnpm pybuf` from the repository
 * root (the root scripts set `PYBUF_PROG`), `npx pybuf` in a project that installed the
 * package locally, `pybuf` once it is on the PATH; paths relative to the working
 * directory when the file lies under it, else absolute.
 */
import { isAbsolute, relative, sep } from "node:path";

/**
 * The path to show for `path`: relative to the working directory when it lies under
 * it (`packages/cli/sample/tone.wav`), else absolute.
 *
 * @example
 * ```ts
 * pathFromHere("/home/me/data/tone.wav"); // "data/tone.wav" in /home/me
 * ```
 */
export function pathFromHere(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel === "" || rel.startsWith("..") || isAbsolute(rel) ? path : rel;
}

/**
 * What the user types to run `pybuf`: `PYBUF_PROG` when set (the repository's
 * `pnpm pybuf` and `pnpm demo` set it to `pnpm pybuf`), `npx pybuf` when the package is
 * installed in the working directory's `node_modules`, else `pybuf`.
 *
 * @example
 * ```ts
 * programName(SAMPLE_PATH); // "pybuf", or "npx pybuf", or "pnpm pybuf"
 * ```
 */
export function programName(packagedFile: string): string {
  const given = process.env.PYBUF_PROG;
  if (given !== undefined && given.trim() !== "") return given.trim();
  return pathFromHere(packagedFile).startsWith(`node_modules${sep}`) ? "npx pybuf" : "pybuf";
}
