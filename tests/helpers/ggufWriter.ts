/**
 * A minimal GGUF v3 writer: metadata key/values, tensor infos and F32 tensor data, laid
 * out as llama.cpp's `gguf.cpp` reads them (little endian, u64 lengths, the data section
 * and every tensor offset aligned to `general.alignment`). Only what the tiny test models
 * need; see llama.cpp's `docs/gguf.md` for the format.
 */

/** GGUF metadata value types (gguf_type). */
export const GgufType = {
  uint32: 4,
  int32: 5,
  float32: 6,
  bool: 7,
  string: 8,
  array: 9,
  uint64: 10,
} as const;

/** A metadata value with its GGUF type, so numbers are written with the width llama.cpp expects. */
export type GgufValue =
  | { type: 'u32' | 'i32' | 'f32' | 'u64'; value: number }
  | { type: 'bool'; value: boolean }
  | { type: 'string'; value: string }
  | { type: 'strings'; value: string[] }
  | { type: 'f32s' | 'i32s'; value: number[] };

/** One F32 tensor: dims in ggml order (the input dimension first). */
export interface GgufTensor {
  name: string;
  dims: number[];
  data: Float32Array;
}

const ALIGNMENT = 32;

/** Grows a byte buffer as values are appended. */
class ByteWriter {
  private buffer = Buffer.alloc(1 << 16);
  length = 0;

  private reserve(bytes: number): void {
    if (this.length + bytes <= this.buffer.length) return;
    const next = Buffer.alloc(Math.max(this.buffer.length * 2, this.length + bytes));
    this.buffer.copy(next, 0, 0, this.length);
    this.buffer = next;
  }
  u32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeUInt32LE(value, this.length);
  }
  i32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeInt32LE(value, this.length);
  }
  f32(value: number): void {
    this.reserve(4);
    this.length = this.buffer.writeFloatLE(value, this.length);
  }
  u64(value: number): void {
    this.reserve(8);
    this.length = this.buffer.writeBigUInt64LE(BigInt(value), this.length);
  }
  bytes(value: Uint8Array): void {
    this.reserve(value.length);
    this.buffer.set(value, this.length);
    this.length += value.length;
  }
  string(value: string): void {
    const bytes = Buffer.from(value, 'utf8');
    this.u64(bytes.length);
    this.bytes(bytes);
  }
  pad(alignment: number): void {
    const padding = (alignment - (this.length % alignment)) % alignment;
    this.bytes(new Uint8Array(padding));
  }
  result(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

function writeValue(out: ByteWriter, value: GgufValue): void {
  switch (value.type) {
    case 'u32':
      return (out.u32(GgufType.uint32), out.u32(value.value));
    case 'i32':
      return (out.u32(GgufType.int32), out.i32(value.value));
    case 'f32':
      return (out.u32(GgufType.float32), out.f32(value.value));
    case 'u64':
      return (out.u32(GgufType.uint64), out.u64(value.value));
    case 'bool':
      return (out.u32(GgufType.bool), out.bytes(Uint8Array.of(value.value ? 1 : 0)));
    case 'string':
      return (out.u32(GgufType.string), out.string(value.value));
    case 'strings':
      out.u32(GgufType.array);
      out.u32(GgufType.string);
      out.u64(value.value.length);
      for (const item of value.value) out.string(item);
      return;
    case 'f32s':
    case 'i32s':
      out.u32(GgufType.array);
      out.u32(value.type === 'f32s' ? GgufType.float32 : GgufType.int32);
      out.u64(value.value.length);
      for (const item of value.value) {
        if (value.type === 'f32s') out.f32(item);
        else out.i32(item);
      }
      return;
  }
}

/** Serialises a whole GGUF v3 file. `metadata` should include `general.alignment` = 32. */
export function encodeGguf(metadata: Record<string, GgufValue>, tensors: GgufTensor[]): Buffer {
  const out = new ByteWriter();
  out.bytes(Buffer.from('GGUF', 'latin1'));
  out.u32(3);
  out.u64(tensors.length);
  out.u64(Object.keys(metadata).length);
  for (const [key, value] of Object.entries(metadata)) {
    out.string(key);
    writeValue(out, value);
  }
  let offset = 0;
  for (const tensor of tensors) {
    out.string(tensor.name);
    out.u32(tensor.dims.length);
    for (const dim of tensor.dims) out.u64(dim);
    out.u32(0); // GGML_TYPE_F32
    out.u64(offset);
    offset += Math.ceil(tensor.data.byteLength / ALIGNMENT) * ALIGNMENT;
  }
  out.pad(ALIGNMENT);
  for (const tensor of tensors) {
    out.bytes(new Uint8Array(tensor.data.buffer, tensor.data.byteOffset, tensor.data.byteLength));
    out.pad(ALIGNMENT);
  }
  return out.result();
}
