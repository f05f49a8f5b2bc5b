// `pybuffer/memoryview`: the whole of `@pybuffer/memoryview`, unchanged.
export * from "@pybuffer/memoryview";
