// The least a CommonJS command can do: start, then write one line (the `start` section's
// floor under `pybuf --help`, whose bin is a CommonJS file too).
process.stdout.write("usage\n");
