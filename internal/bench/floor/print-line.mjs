// The least an ES-module command can do: start, then write one line (the `start` section's
// floor under `pybuf --help`, whose bin is an ES module file too).
process.stdout.write("usage\n");
