// `pybuffer/ndarray`: the whole of `@pybuffer/ndarray`, unchanged.
export * from "@pybuffer/ndarray";
