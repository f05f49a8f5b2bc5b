import { loadPyodide } from "pyodide";
const py = await loadPyodide();
const code = require_code();
function require_code(){ return process.argv[2]; }
try { console.log(py.runPython(code)); } catch (e) { console.log(String(e.message).split("\n").slice(-3).join("\n")); }
