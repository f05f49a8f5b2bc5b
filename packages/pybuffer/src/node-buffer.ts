// `pybuffer/node-buffer`: the whole of `@pybuffer/node-buffer`, unchanged.
export * from "@pybuffer/node-buffer";
