// Just enough typing for the npm peers (none ships its own), as the benchmarks use them.
declare module "python-struct" {
  const pythonStruct: {
    unpackFrom(format: string, data: Uint8Array, checkBounds: boolean, position: number): unknown[];
    pack(format: string, values: readonly unknown[]): Uint8Array;
  };
  export default pythonStruct;
}

declare module "@aksel/structjs" {
  interface CompiledStruct {
    unpack_from(buffer: ArrayBufferLike, offset: number): unknown[];
    iter_unpack(buffer: ArrayBufferLike): IterableIterator<unknown[]>;
    pack_into(buffer: ArrayBufferLike, offset: number, ...values: unknown[]): void;
    readonly size: number;
  }
  const struct: (format: string) => CompiledStruct;
  export default struct;
}

declare module "bufferpack" {
  const bufferpack: {
    unpack(format: string, data: Uint8Array, position: number): unknown[];
    packTo(format: string, data: Uint8Array, position: number, values: readonly unknown[]): unknown;
  };
  export default bufferpack;
}

declare module "jspack" {
  const module: {
    jspack: {
      Unpack(format: string, data: Uint8Array, position: number): unknown[];
      PackTo(
        format: string,
        data: Uint8Array,
        position: number,
        values: readonly unknown[],
      ): unknown;
    };
  };
  export default module;
}

declare module "long" {
  class Long {
    static fromString(text: string, unsigned?: boolean): Long;
    toString(): string;
  }
  export default Long;
}

declare module "numpy-parser" {
  export function fromArrayBuffer(buffer: ArrayBuffer): {
    data: ArrayLike<number>;
    shape: number[];
  };
}
