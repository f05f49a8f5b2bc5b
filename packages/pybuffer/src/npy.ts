// `pybuffer/npy`: the whole of `@pybuffer/npy`, unchanged. Only a subpath: its zip support
// (fflate, ~7 KB gzip) would otherwise weigh on every bundle of the main entry. What
// `loadNpy` returns is an exporter, which the main entry's memoryview takes as it is.
export * from "@pybuffer/npy";
