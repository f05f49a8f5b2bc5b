// `pybuffer/legacy`: the whole of `@pybuffer/legacy`, unchanged.
export * from "@pybuffer/legacy";
