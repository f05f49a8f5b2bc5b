// `pybuffer/typedarray`: the whole of `@pybuffer/typedarray`, unchanged.
export * from "@pybuffer/typedarray";
