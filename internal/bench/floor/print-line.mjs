// The least an ES-module command can do: start, then write one line (a `start` section
// floor: what `pybuf --help` cost when its bin was an ES module file).
process.stdout.write("usage\n");
