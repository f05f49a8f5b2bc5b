/**
 * The Python export's lifetime under ours, writes both ways, heap growth, the
 * PyBufferView road and the errors, against the live interpreter.
 */
import { lifetimeTests } from "./suites/lifetime.js";
import { loadTestPyodide } from "./support.js";

lifetimeTests(() => loadTestPyodide());
