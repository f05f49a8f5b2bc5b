// `pybuffer/pyodide`: the whole of `@pybuffer/pyodide`, unchanged.
export * from "@pybuffer/pyodide";
