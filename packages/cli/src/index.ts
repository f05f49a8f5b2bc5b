// The CLI's library entry: the error classes its commands throw, re-exported from the
// lowest layer like every package of the family. The command is `bin/pybuf.cjs`.
export {
  BufferError,
  IndexError,
  NotImplementedError,
  OverflowError,
  PyError,
  pythonErrorName,
  StructError,
  ValueError,
} from "@pybuffer/struct";
