/** Loads committed vectors: `vectors/<name>.json`, written by `gen/<name>.*`. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parseOracle } from "./values.js";

export const VECTORS_DIR: string = fileURLToPath(new URL("../vectors/", import.meta.url));

/** The parsed vectors document `name` (bytes, big ints, errors decoded). */
export function loadVectors<T = unknown>(name: string): T {
  return parseOracle<T>(readFileSync(`${VECTORS_DIR}${name}.json`, "utf8"));
}
