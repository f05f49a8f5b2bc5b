/**
 * Files of the installed package (its manifest, the sample), found from this module. It
 * sits at the top of `src/`, as every built file sits at the top of `dist/` (one file per
 * entry, and their chunks), so `../` is the package's folder from the sources and from
 * the build alike.
 */
import { fileURLToPath } from "node:url";

/**
 * The path of `file`, relative to the package's folder.
 *
 * @example
 * ```ts
 * packageFile("package.json"); // "/…/node_modules/@pybuffer/cli/package.json"
 * ```
 */
export function packageFile(file: string): string {
  return fileURLToPath(new URL(`../${file}`, import.meta.url));
}

/** The sample the tour shows, inside the installed package. */
export const SAMPLE_PATH: string = packageFile("sample/tone.wav");
