/**
 * Files of the installed package (its manifest, the sample), found from this module: the
 * package's folder is the nearest one above it that holds a `package.json`, from the
 * sources (`src/`), tsc's build (`dist/`) and the build Node runs (`dist/node/`) alike.
 */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The path of `file` in the package's folder.
 *
 * @example
 * ```ts
 * packageFile("package.json"); // "/…/node_modules/@pybuffer/cli/package.json"
 * ```
 */
export function packageFile(file: string): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(folder, "package.json"))) {
    const up = dirname(folder);
    if (up === folder) throw new Error(`pybuf: no package.json above ${import.meta.url}`);
    folder = up;
  }
  return join(folder, file);
}

/** The sample the tour shows, `sample/tone.wav` in the package. */
export function samplePath(): string {
  return packageFile("sample/tone.wav");
}
