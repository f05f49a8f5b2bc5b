#!/usr/bin/env node
// `node scripts/with-node.mjs [--node 24] ARGS…`: runs `node ARGS…` with the pinned Node
// version named by --node (node-versions.json; fetched from the npm registry by npx), or
// with this Node when there is no --node. The child sees PYBUFFER_NODE set to the version
// asked for, so a benchmark can name its report after it.
import { spawnSync } from "node:child_process";
import { nodeBinary, pinnedNode } from "./node-versions.mjs";

const args = process.argv.slice(2);
const at = args.indexOf("--node");
let binary = process.execPath;
const env = { ...process.env };
if (at !== -1) {
  const version = args[at + 1];
  if (version === undefined) {
    console.error("with-node: --node needs a version, e.g. --node 24");
    process.exit(2);
  }
  args.splice(at, 2);
  binary = nodeBinary(version);
  env.PYBUFFER_NODE = pinnedNode(version);
}
const run = spawnSync(binary, args, { stdio: "inherit", env });
if (run.error) console.error(`with-node: cannot run ${binary}: ${run.error.message}`);
process.exit(run.status ?? 1);
