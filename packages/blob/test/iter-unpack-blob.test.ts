import {
  iterUnpack,
  MemoryError,
  pythonErrorName,
  Struct,
  StructError,
  ValueError,
} from "@pybuffer/struct";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { iterUnpackBlob, iterUnpackBlobColumns } from "../src/iter-unpack-blob.js";
import { RecordJoiner } from "../src/record-joiner.js";

/** A Blob look-alike whose stream delivers `bytes` in the given chunk sizes. */
function chunkedBlob(bytes: Uint8Array, sizes: number[], onCancel?: () => void): Blob {
  let pos = 0;
  let turn = 0;
  const stream = () =>
    new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pos >= bytes.length) {
          controller.close();
          return;
        }
        const n = Math.max(1, sizes[turn++ % sizes.length] ?? 1);
        // Each chunk in its own buffer at a nonzero offset, as real streams may give.
        const chunk = new Uint8Array(n + 3).subarray(3);
        chunk.set(bytes.subarray(pos, pos + n));
        controller.enqueue(chunk.subarray(0, Math.min(n, bytes.length - pos)));
        pos += n;
      },
      cancel() {
        onCancel?.();
      },
    });
  return {
    size: bytes.length,
    stream,
    arrayBuffer: async () => bytes.slice().buffer,
    slice: () => new Blob(),
  } as unknown as Blob;
}

async function collect(iterable: AsyncIterable<unknown[]>): Promise<unknown[][]> {
  const out: unknown[][] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

describe("RecordJoiner", () => {
  it("cuts any chunking into the same records", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        fc.uint8Array({ maxLength: 120 }),
        fc.array(fc.integer({ min: 0, max: 20 }), { minLength: 1, maxLength: 10 }),
        (size, raw, cuts) => {
          const bytes = raw.subarray(0, raw.length - (raw.length % size));
          const steps = [...cuts, 1]; // empty chunks allowed, progress guaranteed
          const joiner = new RecordJoiner(size);
          const seen: number[] = [];
          let pos = 0;
          for (let i = 0; pos < bytes.length; i++) {
            const next = Math.min(bytes.length, pos + (steps[i % steps.length] as number));
            const { head, body } = joiner.split(bytes.subarray(pos, next));
            if (head !== null) seen.push(...head);
            expect(body.length % size).toBe(0);
            seen.push(...body);
            pos = next;
          }
          expect(joiner.pending).toBe(0);
          expect(seen).toEqual(Array.from(bytes));
        },
      ),
      { numRuns: 400 },
    );
  });

  it("refuses a size below 1", () => {
    expect(() => new RecordJoiner(0)).toThrow(
      new ValueError("RecordJoiner: size must be a positive integer, not 0"),
    );
    expect(() => new RecordJoiner(-1)).toThrow(ValueError);
    expect(() => new RecordJoiner(1.5)).toThrow(ValueError);
    // A size the platform cannot allocate: the family's MemoryError, not V8's RangeError.
    expect(() => new RecordJoiner(2 ** 50)).toThrow(
      new MemoryError(`RecordJoiner: cannot allocate ${2 ** 50} bytes`),
    );
  });
});

describe("iterUnpackBlob", () => {
  const s = new Struct("<IHHd");
  const bytes = new Uint8Array(16 * 50);
  for (let i = 0; i < 50; i++) s.packInto(bytes, i * 16, i, i * 3, 65535 - i, i / 4);
  const expected = Array.from(iterUnpack("<IHHd", bytes), (r) => [...r]);

  it("decodes a real Blob and a File as iter_unpack does", async () => {
    expect(await collect(iterUnpackBlob("<IHHd", new Blob([bytes])))).toEqual(expected);
    const parts = [bytes.subarray(0, 7), bytes.subarray(7, 333), bytes.subarray(333)];
    expect(await collect(iterUnpackBlob("<IHHd", new File(parts, "r.bin")))).toEqual(expected);
  });

  it.each([[[1]], [[3, 5, 7]], [[16]], [[15, 17]], [[1000]], [[0, 2]]])(
    "reassembles records split across chunks of sizes %j",
    async (sizes) => {
      expect(await collect(iterUnpackBlob("<IHHd", chunkedBlob(bytes, sizes)))).toEqual(expected);
    },
  );

  it("reports progress after each chunk", async () => {
    const seen: [number, number, number][] = [];
    await collect(
      iterUnpackBlob("<IHHd", chunkedBlob(bytes, [100]), {
        onProgress: (p) => seen.push([p.bytesRead, p.totalBytes, p.records]),
      }),
    );
    expect(seen.length).toBe(8);
    expect(seen[0]).toEqual([100, 800, 6]);
    expect(seen.at(-1)).toEqual([800, 800, 50]);
  });

  it("raises CPython's struct.error at the call, before reading", () => {
    let reads = 0;
    const blob = chunkedBlob(new Uint8Array(5), [1], () => {});
    const counting = {
      ...blob,
      size: 5,
      stream: () => {
        reads++;
        return blob.stream();
      },
    } as unknown as Blob;
    expect(() => iterUnpackBlob("<i", counting)).toThrow(StructError);
    expect(() => iterUnpackBlob("<i", counting)).toThrow(
      "iterative unpacking requires a buffer of a multiple of 4 bytes",
    );
    expect(reads).toBe(0);
    expect(() => iterUnpackBlob("", new Blob([]))).toThrow(
      "cannot iteratively unpack with a struct of length 0",
    );
    let bad: unknown;
    try {
      // @ts-expect-error: a misuse the format's types reject; this checks the run-time error
      iterUnpackBlob("<y", new Blob([]));
    } catch (e) {
      bad = e;
    }
    expect(pythonErrorName(bad)).toBe("struct.error");
    expect(() => iterUnpackBlob("<i", "abcd" as never)).toThrow(
      "iterUnpackBlob: expected a Blob or File, not 'string'",
    );
    expect(() => iterUnpackBlob("<i", new Blob([]), null as never)).toThrow(
      "iterUnpackBlob: options must be an object, not 'NoneType'",
    );
  });

  it("passes struct options through", async () => {
    const big = new BigInt64Array([5n, -7n]);
    expect(await collect(iterUnpackBlob("<q", new Blob([big]), { int64: "number" }))).toEqual([
      [5],
      [-7],
    ]);
  });

  it("stops on abort, before or during the read, and cancels the stream", async () => {
    const early = new AbortController();
    early.abort(new Error("early"));
    await expect(
      collect(iterUnpackBlob("<IHHd", new Blob([bytes]), { signal: early.signal })),
    ).rejects.toThrow("early");
    let cancelled = 0;
    const controller = new AbortController();
    const records: unknown[][] = [];
    const run = async () => {
      for await (const record of iterUnpackBlob(
        "<IHHd",
        chunkedBlob(bytes, [40], () => cancelled++),
        { signal: controller.signal },
      )) {
        records.push(record);
        if (records.length === 7) controller.abort(new Error("enough"));
      }
    };
    await expect(run()).rejects.toThrow("enough");
    expect(records.length).toBe(7);
    expect(cancelled).toBe(1);
  });

  it("cancels the stream when the loop is left early", async () => {
    let cancelled = 0;
    for await (const record of iterUnpackBlob(
      "<IHHd",
      chunkedBlob(bytes, [64], () => cancelled++),
    )) {
      expect(record[0]).toBe(0);
      break;
    }
    expect(cancelled).toBe(1);
  });

  it("gives the same records as columns, one batch per chunk", async () => {
    const progress: number[] = [];
    const ids: number[] = [];
    const halves: number[] = [];
    let batches = 0;
    for await (const [id, , , half] of iterUnpackBlobColumns(
      "<IHHd",
      chunkedBlob(bytes, [100, 7]),
      {
        onProgress: (p) => progress.push(p.records),
      },
    )) {
      batches++;
      ids.push(...(id as Uint32Array));
      halves.push(...(half as Float64Array));
    }
    expect(ids).toEqual(expected.map((r) => r[0]));
    expect(halves).toEqual(expected.map((r) => r[3]));
    expect(batches).toBe(progress.length);
    expect(progress.at(-1)).toBe(50);
    expect(() => iterUnpackBlobColumns("<i", new Blob(["abc"]))).toThrow(StructError);
  });

  it("stops columns on abort and cancels the stream on break", async () => {
    let cancelled = 0;
    for await (const [id] of iterUnpackBlobColumns(
      "<IHHd",
      chunkedBlob(bytes, [64], () => cancelled++),
    )) {
      expect(Array.from(id as Uint32Array)).toEqual([0, 1, 2, 3]);
      break;
    }
    expect(cancelled).toBe(1);
    const controller = new AbortController();
    const run = async () => {
      for await (const _ of iterUnpackBlobColumns("<IHHd", chunkedBlob(bytes, [64]), {
        signal: controller.signal,
      })) {
        controller.abort(new Error("halt"));
      }
    };
    await expect(run()).rejects.toThrow("halt");
  });
});

describe("RecordJoiner given a size that is not a number", () => {
  it("throws TypeError naming the type", () => {
    expect(() => new RecordJoiner("4" as never)).toThrow(
      new TypeError("RecordJoiner: size must be a positive integer, not 'str'"),
    );
  });
});
