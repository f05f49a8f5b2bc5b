/** `pnpm layers`: checks the workspace this package sits in; exit code 1 on any violation. */
import { fileURLToPath } from "node:url";
import { checkLayers } from "./check.js";
import { readPackages } from "./workspace.js";

const root = fileURLToPath(new URL("../../../", import.meta.url));
const violations = checkLayers(root);
for (const v of violations) console.error(`${v.where}: ${v.message}`);
if (violations.length > 0) {
  console.error(`layer check: ${violations.length} violation(s) of DESIGN.md's layers`);
  process.exitCode = 1;
} else {
  console.log(`layer check: ${readPackages(root).length} packages follow DESIGN.md's layers`);
}
