/**
 * Buffer request flags: CPython's `PyBUF_*` values (Include/pybuffer.h), identical in
 * every Python 3 version. A consumer ORs them together and passes them to
 * {@link getBuffer}; the exporter fills the view accordingly or raises `BufferError`.
 * Values are written out as numbers (with their composition beside them) so each
 * constant keeps its literal type.
 */

/** No format, shape or strides: a plain run of unsigned bytes. @example getBuffer(obj, PyBUF_SIMPLE) */
export const PyBUF_SIMPLE = 0;
/** The consumer wants to write. @example getBuffer(obj, PyBUF_WRITABLE) */
export const PyBUF_WRITABLE = 0x0001;
/** Old spelling of {@link PyBUF_WRITABLE}, kept by CPython for compatibility. @example PyBUF_WRITEABLE === PyBUF_WRITABLE */
export const PyBUF_WRITEABLE = 0x0001;
/** The consumer wants `format`. @example getBuffer(obj, PyBUF_ND | PyBUF_FORMAT) */
export const PyBUF_FORMAT = 0x0004;
/** The consumer wants `shape` (C-contiguous memory implied). @example getBuffer(obj, PyBUF_ND) */
export const PyBUF_ND = 0x0008;
/** The consumer wants `shape` and `strides` (`0x10 | PyBUF_ND`). @example getBuffer(obj, PyBUF_STRIDES) */
export const PyBUF_STRIDES = 0x0018;
/** Strides, and the memory must be C-contiguous (`0x20 | PyBUF_STRIDES`). @example getBuffer(obj, PyBUF_C_CONTIGUOUS) */
export const PyBUF_C_CONTIGUOUS = 0x0038;
/** Strides, and the memory must be Fortran-contiguous (`0x40 | PyBUF_STRIDES`). @example getBuffer(obj, PyBUF_F_CONTIGUOUS) */
export const PyBUF_F_CONTIGUOUS = 0x0058;
/** Strides, and the memory must be C- or Fortran-contiguous (`0x80 | PyBUF_STRIDES`). @example getBuffer(obj, PyBUF_ANY_CONTIGUOUS) */
export const PyBUF_ANY_CONTIGUOUS = 0x0098;
/** Strides and suboffsets: PIL-style indirect arrays allowed (`0x100 | PyBUF_STRIDES`). @example getBuffer(obj, PyBUF_INDIRECT) */
export const PyBUF_INDIRECT = 0x0118;

/** `PyBUF_ND | PyBUF_WRITABLE` (9). @example getBuffer(obj, PyBUF_CONTIG) */
export const PyBUF_CONTIG = 0x0009;
/** `PyBUF_ND` (8). @example getBuffer(obj, PyBUF_CONTIG_RO) */
export const PyBUF_CONTIG_RO = 0x0008;
/** `PyBUF_STRIDES | PyBUF_WRITABLE` (25). @example getBuffer(obj, PyBUF_STRIDED) */
export const PyBUF_STRIDED = 0x0019;
/** `PyBUF_STRIDES` (24). @example getBuffer(obj, PyBUF_STRIDED_RO) */
export const PyBUF_STRIDED_RO = 0x0018;
/** `PyBUF_STRIDES | PyBUF_WRITABLE | PyBUF_FORMAT` (29). @example getBuffer(obj, PyBUF_RECORDS) */
export const PyBUF_RECORDS = 0x001d;
/** `PyBUF_STRIDES | PyBUF_FORMAT` (28). @example getBuffer(obj, PyBUF_RECORDS_RO) */
export const PyBUF_RECORDS_RO = 0x001c;
/** `PyBUF_INDIRECT | PyBUF_WRITABLE | PyBUF_FORMAT` (285). @example getBuffer(obj, PyBUF_FULL) */
export const PyBUF_FULL = 0x011d;
/** `PyBUF_INDIRECT | PyBUF_FORMAT` (284): what `memoryview(obj)` asks for. @example getBuffer(obj, PyBUF_FULL_RO) */
export const PyBUF_FULL_RO = 0x011c;

/** `PyMemoryView_FromMemory` / `PyMemoryView_GetContiguous` direction: read only. Not a request flag. @example PyBUF_READ === 0x100 */
export const PyBUF_READ = 0x100;
/** `PyMemoryView_FromMemory` / `PyMemoryView_GetContiguous` direction: writable. Not a request flag. @example PyBUF_WRITE === 0x200 */
export const PyBUF_WRITE = 0x200;

/** The most dimensions a view may have (`PyBUF_MAX_NDIM`). @example view.ndim <= PyBUF_MAX_NDIM */
export const PyBUF_MAX_NDIM = 64;
