/**
 * The Node suites again, in Chromium, against one Pyodide loaded from the package's own
 * files: vitest's browser server serves them under `/@fs/` (Pyodide cannot load over
 * `file://`), so nothing comes from the network.
 */
import { fromPyodideTests } from "./suites/from-pyodide.js";
import { lifetimeTests } from "./suites/lifetime.js";
import { toPyodideTests } from "./suites/to-pyodide.js";
import { loadTestPyodide, type TestPyodide } from "./support.js";

// `new URL(literal, import.meta.url)` would be rewritten by Vite: build it from parts.
const here = import.meta.url.split("?")[0] as string;
const indexURL = `${location.origin}/@fs${new URL("../node_modules/pyodide/", here).pathname}`;
let loading: Promise<TestPyodide> | undefined;
const load = (): Promise<TestPyodide> => {
  loading ??= loadTestPyodide(indexURL);
  return loading;
};

fromPyodideTests(load);
lifetimeTests(load);
toPyodideTests(load);
