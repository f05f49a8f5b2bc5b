#!/usr/bin/env node
// The `pybuf` command: a committed file (so that installing the workspace links the bin
// before the first build), running the built CLI. CommonJS, because Node 20 starts an ES
// module file a few milliseconds later than a CommonJS one (issue #20): `pybuf --help` and
// `pybuf --version` are answered from `dist/node/help.cjs` (the CommonJS build of
// `src/help.ts`) without Node's ES module loader; every other command line goes on to the
// ES module CLI, `dist/node/main.js`.
"use strict";

if (!require("../dist/node/help.cjs").answerHelp(process.argv.slice(2))) {
  // Node >= 22.1 keeps V8's compiled code of the CLI and the packages it loads in its
  // compile cache (os.tmpdir()/node-compile-cache, or NODE_COMPILE_CACHE; off with
  // NODE_DISABLE_COMPILE_CACHE=1): from the second run on, a command starts up to ~10%
  // sooner. Node 20 has no such cache.
  require("node:module").enableCompileCache?.();
  import("../dist/node/main.js");
}
