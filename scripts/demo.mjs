// `pnpm demo`: builds the CLI (and the packages it uses), then runs `pnpm pybuf` with no
// arguments: its tour of the sample file bundled with it (packages/cli/README.md), whose
// commands can then be typed as printed (`pnpm pybuf …`, scripts/pybuf.mjs).
import { spawnSync } from "node:child_process";

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: "inherit", ...options });
  if (result.error) console.error(`demo: cannot run ${command}: ${result.error.message}`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const env = { ...process.env, TURBO_TELEMETRY_DISABLED: "1" };
run("turbo", ["run", "build", "--filter=@pybuffer/cli", "--output-logs=errors-only"], {
  env,
  shell: process.platform === "win32",
});
console.log("\n$ pnpm pybuf   # then type the commands it shows to run them yourself");
run(process.execPath, ["scripts/pybuf.mjs"]);
