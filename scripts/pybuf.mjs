// `pnpm pybuf …` at the repository root (or below it): the built CLI (`pnpm build` or
// `pnpm demo` first), run in the directory the command was typed in (pnpm runs root
// scripts at the root and passes the user's directory as INIT_CWD), echoing the commands
// of its tour as they are typed here: `pnpm pybuf …`, or `npx --yes pnpm@V pybuf …`.
import { existsSync } from "node:fs";

const main = new URL("../packages/cli/dist/node/main.js", import.meta.url);
if (!existsSync(main)) {
  const pnpm = typedAs().replace(/ pybuf$/, "");
  console.error(`pybuf: the CLI is not built yet: run '${pnpm} build' (or '${pnpm} demo') first`);
  process.exit(1);
}
// biome-ignore lint/suspicious/noUndeclaredEnvVars: pnpm's, for this run only (no task input)
const typedIn = process.env.INIT_CWD;
if (typedIn) process.chdir(typedIn);
process.env.PYBUF_PROG ??= typedAs();

/** How the user typed pnpm: `pnpm`, or `npx --yes pnpm@V` when npx fetched it (README). */
function typedAs() {
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: pnpm's, for this run only (no task input)
  const execPath = process.env.npm_execpath ?? "";
  // biome-ignore lint/suspicious/noUndeclaredEnvVars: pnpm's, for this run only (no task input)
  const agent = process.env.npm_config_user_agent ?? "";
  const viaNpx = /[\\/]_npx[\\/]/.test(execPath);
  const version = /^pnpm\/(\S+)/.exec(agent)?.[1];
  return viaNpx && version ? `npx --yes pnpm@${version} pybuf` : "pnpm pybuf";
}
await import(main.href);
