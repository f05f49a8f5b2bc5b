/**
 * Scalar kinds of the codec (`Op.kind`): one constant each, so that a bundler inlines
 * them as numbers (import the module as a namespace: `import * as K`).
 */
export const I8 = 0;
export const U8 = 1;
export const I16 = 2;
export const U16 = 3;
export const I32 = 4;
export const U32 = 5;
export const I64 = 6;
export const U64 = 7;
export const F16 = 8;
export const F32 = 9;
export const F64 = 10;
export const BOOL = 11;
export const CHAR = 12;
export const BYTES = 13;
export const PASCAL = 14;
export const UCS2 = 15;
export const UCS4 = 16;
export const C32 = 17;
export const C64 = 18;
export const PTR = 19;
export const UNSUPPORTED = 20;
