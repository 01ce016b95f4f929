import { open, type FileHandle } from 'node:fs/promises';

/**
 * A strict reader of a GGUF file's header: metadata and tensor infos, every read checked
 * against the file's real length. node-llama-cpp's `readGgufFileInfo` reads zeros past the
 * end of a file (a 500-byte stub "parses" with all its tensors), so it cannot tell a cut-off
 * download from a whole one; this reader throws {@link GgufReadError} instead, and caps
 * counts and lengths so a hostile header cannot make it allocate or loop without bound.
 */

/** Why a header could not be read; `truncated` when the file ended inside it. */
export class GgufReadError extends Error {
  constructor(
    readonly reason: 'not-gguf' | 'truncated' | 'malformed' | 'version',
    message: string,
  ) {
    super(message);
  }
}

export type GgufScalar = number | bigint | boolean | string;
export type GgufMetaValue = GgufScalar | GgufMetaValue[];

/** One tensor info: dims in ggml order, offset relative to the data section. */
export interface GgufTensorEntry {
  name: string;
  dims: number[];
  type: number;
  offset: number;
}

/** What the header says, plus where the tensor data starts and how long the file is. */
export interface GgufHeader {
  version: number;
  metadata: Map<string, GgufMetaValue>;
  tensors: GgufTensorEntry[];
  alignment: number;
  dataOffset: number;
  fileSize: number;
}

const CHUNK = 1 << 20;
const MAX_STRING = 16 << 20; // chat templates are kilobytes; a bigger string is a broken header
const MAX_ITEMS = 10_000_000;
const MAX_ENTRIES = 1_000_000;

/** Buffered sequential reads from a file handle, never past its end. */
class Reader {
  pos = 0;
  private buf = Buffer.alloc(0);
  private bufStart = 0;
  constructor(
    private readonly fh: FileHandle,
    readonly size: number,
  ) {}

  private async need(n: number): Promise<Buffer> {
    if (this.pos + n > this.size) throw new GgufReadError('truncated', 'The file ends inside its header.');
    const at = this.pos - this.bufStart;
    if (at < 0 || at + n > this.buf.length) {
      const length = Math.min(Math.max(n, CHUNK), this.size - this.pos);
      this.buf = Buffer.alloc(length);
      await this.fh.read(this.buf, 0, length, this.pos);
      this.bufStart = this.pos;
    }
    const start = this.pos - this.bufStart;
    this.pos += n;
    return this.buf.subarray(start, start + n);
  }
  async u8() {
    return (await this.need(1))[0];
  }
  async u32() {
    return (await this.need(4)).readUInt32LE(0);
  }
  async u64(): Promise<number> {
    const value = (await this.need(8)).readBigUInt64LE(0);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
      throw new GgufReadError('malformed', 'A size in the header is impossibly large.');
    return Number(value);
  }
  async string(): Promise<string> {
    const length = await this.u64();
    if (length > MAX_STRING) throw new GgufReadError('malformed', 'A text value in the header is impossibly long.');
    return (await this.need(length)).toString('utf8');
  }
  async scalar(type: number): Promise<GgufScalar> {
    const b = (n: number) => this.need(n);
    switch (type) {
      case 0:
        return (await b(1)).readUInt8(0);
      case 1:
        return (await b(1)).readInt8(0);
      case 2:
        return (await b(2)).readUInt16LE(0);
      case 3:
        return (await b(2)).readInt16LE(0);
      case 4:
        return (await b(4)).readUInt32LE(0);
      case 5:
        return (await b(4)).readInt32LE(0);
      case 6:
        return (await b(4)).readFloatLE(0);
      case 7:
        return (await b(1))[0] !== 0;
      case 8:
        return this.string();
      case 10:
        return (await b(8)).readBigUInt64LE(0);
      case 11:
        return (await b(8)).readBigInt64LE(0);
      case 12:
        return (await b(8)).readDoubleLE(0);
      default:
        throw new GgufReadError('malformed', `Unknown value type ${type} in the header.`);
    }
  }
  async value(type: number, depth = 0): Promise<GgufMetaValue> {
    if (type !== 9) return this.scalar(type);
    if (depth > 2) throw new GgufReadError('malformed', 'Arrays in the header are nested too deeply.');
    const itemType = await this.u32();
    const count = await this.u64();
    if (count > MAX_ITEMS) throw new GgufReadError('malformed', 'An array in the header is impossibly long.');
    const items: GgufMetaValue[] = [];
    for (let i = 0; i < count; i++) items.push(await this.value(itemType, depth + 1));
    return items;
  }
}

/** Reads and bounds-checks the header of the GGUF file at `path`. */
export async function readGgufHeader(path: string): Promise<GgufHeader> {
  const fh = await open(path, 'r');
  try {
    const reader = new Reader(fh, (await fh.stat()).size);
    if (reader.size < 8) throw new GgufReadError('not-gguf', 'The file is too short to be a GGUF model.');
    const magic = (await reader.scalar(4)) as number;
    if (magic !== 0x46554747) throw new GgufReadError('not-gguf', 'The file does not start with "GGUF".');
    const version = await reader.u32();
    if (version < 2 || version > 3) throw new GgufReadError('version', `GGUF version ${version}.`);
    const tensorCount = await reader.u64();
    const kvCount = await reader.u64();
    if (tensorCount > MAX_ENTRIES || kvCount > MAX_ENTRIES) {
      throw new GgufReadError('malformed', 'The header claims an impossible number of entries.');
    }
    const metadata = new Map<string, GgufMetaValue>();
    for (let i = 0; i < kvCount; i++) {
      const key = await reader.string();
      metadata.set(key, await reader.value(await reader.u32()));
    }
    const tensors: GgufTensorEntry[] = [];
    for (let i = 0; i < tensorCount; i++) {
      const name = await reader.string();
      const nDims = await reader.u32();
      if (nDims < 1 || nDims > 4) throw new GgufReadError('malformed', `Tensor “${name}” has ${nDims} dimensions.`);
      const dims: number[] = [];
      for (let d = 0; d < nDims; d++) dims.push(await reader.u64());
      tensors.push({ name, dims, type: await reader.u32(), offset: await reader.u64() });
    }
    const alignment = Number(metadata.get('general.alignment') ?? 32);
    if (!Number.isInteger(alignment) || alignment <= 0 || (alignment & (alignment - 1)) !== 0) {
      throw new GgufReadError('malformed', 'general.alignment is not a power of two.');
    }
    const dataOffset = Math.ceil(reader.pos / alignment) * alignment;
    return { version, metadata, tensors, alignment, dataOffset, fileSize: reader.size };
  } finally {
    await fh.close();
  }
}
