export {
  BufferError,
  IndexError,
  NotImplementedError,
  OverflowError,
  PyError,
  pythonErrorName,
  StructError,
  ValueError,
} from "./errors.js";
