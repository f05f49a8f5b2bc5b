// `pybuffer/struct`: the whole of `@pybuffer/struct`, unchanged.
export * from "@pybuffer/struct";
