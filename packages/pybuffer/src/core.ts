// `pybuffer/core`: the whole of `@pybuffer/core`, unchanged.
export * from "@pybuffer/core";
