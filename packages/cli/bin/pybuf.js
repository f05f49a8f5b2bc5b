#!/usr/bin/env node
// The `pybuf` command: a committed file (so that installing the workspace links the bin
// before the first build), running the built CLI.
import "../dist/node/main.js";
