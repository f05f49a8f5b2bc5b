/**
 * The zip container of `.npz` files: its central directory read (Zip64 included, every
 * offset and size checked against the bytes there are), and archives written as NumPy's
 * `np.savez` writes them through Python's `zipfile` with `force_zip64=True`: each local
 * header version 4.5 with sizes `0xFFFFFFFF` and a Zip64 extra field holding the real
 * ones, dated 1980-01-01, mode 0o600, made by Unix / 4.5. Compression is fflate's; this
 * module only lays out the container.
 */
import { ValueError } from "@pybuffer/struct";
import { latin1Text } from "./header.js";

/** One member of an archive, as its central directory says. */
export interface ZipEntry {
  readonly name: string;
  /** General purpose flags (bit 0: encrypted). */
  readonly flags: number;
  /** 0: stored, 8: deflated. */
  readonly method: number;
  readonly crc: number;
  readonly compressedSize: number;
  readonly size: number;
  /** Offset of the member's local header. */
  readonly localOffset: number;
}

const LIMIT = 0xffffffff;

function badZip(why: string): ValueError {
  return new ValueError(`File is not a zip file: ${why}`);
}

/** Reads little-endian fields of `bytes`, each access checked against its length. */
class Fields {
  readonly bytes: Uint8Array;
  readonly view: DataView;
  constructor(bytes: Uint8Array) {
    this.bytes = bytes;
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  need(at: number, n: number, what: string): void {
    if (at < 0 || at + n > this.bytes.length) throw badZip(`${what} is truncated`);
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  u64(at: number): number {
    const value = this.view.getBigUint64(at, true);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw badZip("a Zip64 size is too large");
    return Number(value);
  }
}

/** The Zip64 extra field's values, in the order of the fields that were 0xFFFFFFFF. */
function zip64Values(f: Fields, start: number, length: number, wanted: number): number[] {
  let at = start;
  const end = start + length;
  while (at + 4 <= end) {
    const id = f.u16(at);
    const size = f.u16(at + 2);
    if (id === 0x0001) {
      if (size < wanted * 8 || at + 4 + size > end) throw badZip("a Zip64 extra field is short");
      return Array.from({ length: wanted }, (_, i) => f.u64(at + 4 + 8 * i));
    }
    at += 4 + size;
  }
  if (wanted > 0) throw badZip("a Zip64 extra field is missing");
  return [];
}

/** The archive's end record: where the central directory is and how many entries. */
function endRecord(f: Fields): { count: number; offset: number; size: number } {
  const n = f.bytes.length;
  // The end record is 22 bytes plus a comment of at most 65 535 bytes.
  let at = -1;
  for (let i = n - 22; i >= Math.max(0, n - 22 - 0xffff); i--) {
    if (f.u32(i) === 0x06054b50) {
      at = i;
      break;
    }
  }
  if (at < 0) throw badZip("no end of central directory record");
  let count = f.u16(at + 10);
  let size = f.u32(at + 12);
  let offset = f.u32(at + 16);
  if (count === 0xffff || size === LIMIT || offset === LIMIT) {
    // A Zip64 end record, found through its locator just before.
    f.need(at - 20, 20, "the Zip64 end locator");
    if (f.u32(at - 20) !== 0x07064b50) throw badZip("no Zip64 end locator");
    const z = f.u64(at - 12);
    f.need(z, 56, "the Zip64 end record");
    if (f.u32(z) !== 0x06064b50) throw badZip("no Zip64 end record");
    count = f.u64(z + 32);
    size = f.u64(z + 40);
    offset = f.u64(z + 48);
  }
  f.need(offset, size, "the central directory");
  return { count, offset, size };
}

/** The members of the zip archive `bytes`, from its central directory (no data read). */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const f = new Fields(bytes);
  const { count, offset, size } = endRecord(f);
  // Each entry takes at least 46 bytes: a count past that is a lie, refused before looping.
  if (count * 46 > size) throw badZip("the central directory is shorter than its entries");
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let i = 0; i < count; i++) {
    f.need(at, 46, "a central directory entry");
    if (f.u32(at) !== 0x02014b50) throw badZip("bad magic number for central directory");
    const flags = f.u16(at + 8);
    const method = f.u16(at + 10);
    const crc = f.u32(at + 16);
    let compressedSize = f.u32(at + 20);
    let fileSize = f.u32(at + 24);
    const nameLength = f.u16(at + 28);
    const extraLength = f.u16(at + 30);
    const commentLength = f.u16(at + 32);
    let localOffset = f.u32(at + 42);
    f.need(at + 46, nameLength + extraLength + commentLength, "a central directory entry");
    const raw = bytes.subarray(at + 46, at + 46 + nameLength);
    const name = flags & 0x800 ? new TextDecoder().decode(raw) : latin1Text(raw);
    const wanted = [fileSize, compressedSize, localOffset].filter((v) => v === LIMIT).length;
    const big = zip64Values(f, at + 46 + nameLength, extraLength, wanted);
    if (fileSize === LIMIT) fileSize = big.shift() as number;
    if (compressedSize === LIMIT) compressedSize = big.shift() as number;
    if (localOffset === LIMIT) localOffset = big.shift() as number;
    entries.push({ name, flags, method, crc, compressedSize, size: fileSize, localOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** Where a member's data starts (past its local header) in `bytes`, checked in full. */
export function memberData(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const f = new Fields(bytes);
  const at = entry.localOffset;
  f.need(at, 30, `the local header of '${entry.name}'`);
  if (f.u32(at) !== 0x04034b50) throw badZip("bad magic number for file header");
  const start = at + 30 + f.u16(at + 26) + f.u16(at + 28);
  f.need(start, entry.compressedSize, `the data of '${entry.name}'`);
  return bytes.subarray(start, start + entry.compressedSize);
}

// CRC-32 (IEEE), table-driven.
const CRC_TABLE = new Int32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

/** CRC-32 of `parts` in sequence. @example crc32([new Uint8Array([97])]); // 0xe8b7be43 */
export function crc32(parts: readonly Uint8Array[]): number {
  let c = -1;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      c = (CRC_TABLE[(c ^ (part[i] as number)) & 0xff] as number) ^ (c >>> 8);
    }
  }
  return (c ^ -1) >>> 0;
}

/** A member to write: its name, data (in parts), the parts' CRC and size, and method. */
export interface ZipMember {
  readonly name: string;
  readonly parts: readonly Uint8Array[];
  readonly method: 0 | 8;
  readonly crc: number;
  readonly size: number;
}

const isAscii = (s: string): boolean => /^[ -~]*$/.test(s);

/** An archive of `members`, laid out as Python's zipfile lays out `np.savez`'s. */
export function writeZip(members: readonly ZipMember[]): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const names = members.map((m) => encoder.encode(m.name));
  let total = 0;
  const offsets: number[] = [];
  members.forEach((m, i) => {
    offsets.push(total);
    total += 30 + (names[i] as Uint8Array).length + 20;
    for (const p of m.parts) total += p.length;
  });
  const cdStart = total;
  const centralExtra = (m: ZipMember, i: number): number[] => {
    const stored = m.parts.reduce((a, p) => a + p.length, 0);
    return [m.size, stored, offsets[i] as number].filter((v) => v >= LIMIT);
  };
  members.forEach((m, i) => {
    const extra = centralExtra(m, i);
    total += 46 + (names[i] as Uint8Array).length + (extra.length > 0 ? 4 + 8 * extra.length : 0);
  });
  const cdSize = total - cdStart;
  const zip64End = members.length >= 0xffff || cdStart >= LIMIT || cdSize >= LIMIT;
  total += (zip64End ? 56 + 20 : 0) + 22;
  const out = new Uint8Array(total);
  const v = new DataView(out.buffer);
  const u16 = (at: number, x: number): void => v.setUint16(at, x, true);
  const u32 = (at: number, x: number): void => v.setUint32(at, x, true);
  const u64 = (at: number, x: number): void => v.setBigUint64(at, BigInt(x), true);
  let at = 0;
  members.forEach((m, i) => {
    const name = names[i] as Uint8Array;
    const stored = m.parts.reduce((a, p) => a + p.length, 0);
    const flags = isAscii(m.name) ? 0 : 0x800;
    u32(at, 0x04034b50);
    u16(at + 4, 45);
    u16(at + 6, flags);
    u16(at + 8, m.method);
    u16(at + 10, 0); // time 00:00
    u16(at + 12, 0x21); // date 1980-01-01
    u32(at + 14, m.crc);
    u32(at + 18, LIMIT);
    u32(at + 22, LIMIT);
    u16(at + 26, name.length);
    u16(at + 28, 20);
    out.set(name, at + 30);
    at += 30 + name.length;
    u16(at, 0x0001);
    u16(at + 2, 16);
    u64(at + 4, m.size);
    u64(at + 12, stored);
    at += 20;
    for (const p of m.parts) {
      out.set(p, at);
      at += p.length;
    }
  });
  members.forEach((m, i) => {
    const name = names[i] as Uint8Array;
    const stored = m.parts.reduce((a, p) => a + p.length, 0);
    const extra = centralExtra(m, i);
    u32(at, 0x02014b50);
    u16(at + 4, 0x032d);
    u16(at + 6, 45);
    u16(at + 8, isAscii(m.name) ? 0 : 0x800);
    u16(at + 10, m.method);
    u16(at + 12, 0);
    u16(at + 14, 0x21);
    u32(at + 16, m.crc);
    u32(at + 20, Math.min(stored, LIMIT));
    u32(at + 24, Math.min(m.size, LIMIT));
    u16(at + 28, name.length);
    u16(at + 30, extra.length > 0 ? 4 + 8 * extra.length : 0);
    u32(at + 38, 0x01800000); // -rw-------
    u32(at + 42, Math.min(offsets[i] as number, LIMIT));
    out.set(name, at + 46);
    at += 46 + name.length;
    if (extra.length > 0) {
      u16(at, 0x0001);
      u16(at + 2, 8 * extra.length);
      for (let k = 0; k < extra.length; k++) u64(at + 4 + 8 * k, extra[k] as number);
      at += 4 + 8 * extra.length;
    }
  });
  if (zip64End) {
    u32(at, 0x06064b50);
    u64(at + 4, 44);
    u16(at + 12, 45);
    u16(at + 14, 45);
    u64(at + 24, members.length);
    u64(at + 32, members.length);
    u64(at + 40, cdSize);
    u64(at + 48, cdStart);
    u32(at + 56, 0x07064b50);
    u64(at + 64, at);
    u32(at + 72, 1);
    at += 76;
  }
  u32(at, 0x06054b50);
  u16(at + 8, Math.min(members.length, 0xffff));
  u16(at + 10, Math.min(members.length, 0xffff));
  u32(at + 12, Math.min(cdSize, LIMIT));
  u32(at + 16, Math.min(cdStart, LIMIT));
  return out;
}
