/**
 * The sample the tour shows (`sample/tone.wav`), inside the installed package. This module
 * sits at the top of `src/`, as every built file sits at the top of `dist/` (the entries
 * and the chunks they share), so `../` is the package's folder from the sources and from
 * the build alike.
 */
import { fileURLToPath } from "node:url";

/** The sample's path. */
export const SAMPLE_PATH: string = fileURLToPath(new URL("../sample/tone.wav", import.meta.url));
