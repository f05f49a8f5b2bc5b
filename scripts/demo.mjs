// `pnpm demo`: builds the CLI (and the packages it uses), then runs `pybuf` with no
// arguments: its tour of the sample file bundled with it (packages/cli/README.md).
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
console.log("\n$ pybuf");
run(process.execPath, ["packages/cli/bin/pybuf.js"]);
