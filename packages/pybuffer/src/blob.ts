// `pybuffer/blob`: the whole of `@pybuffer/blob`, unchanged.
export * from "@pybuffer/blob";
