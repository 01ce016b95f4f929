/**
 * The inner loop of vector search: the dot product of one query with n vectors, written
 * as a ~100-byte WebAssembly module with 128-bit SIMD (four float32 lanes per multiply-add).
 * Scanning 50k × 384 floats is memory- and multiply-bound; plain JS does one lane at a
 * time and took ~4× longer. Assembled here byte by byte so no toolchain or binary file is
 * needed; when SIMD is missing, {@link createDotKernel} falls back to the same loop in JS.
 */

/** The part of a WebAssembly memory used here. */
export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}

// The node tsconfig has no DOM lib, where the WebAssembly JS API's types live; Node has the API.
const wasm = (
  globalThis as unknown as {
    WebAssembly: {
      Memory: new (descriptor: { initial: number }) => WasmMemory;
      Module: new (bytes: Uint8Array) => object;
      Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
      validate(bytes: Uint8Array): boolean;
    };
  }
).WebAssembly;

/** A new WebAssembly memory of `pages` pages of 64 KiB. */
export function createMemory(pages: number): WasmMemory {
  return new wasm.Memory({ initial: pages });
}

/** Writes `scores[i] = data[i] · query` for `n` vectors of `stride` floats (a multiple of {@link LANES}). */
/** Floats the kernel reads per round; vectors are padded with zeros to a multiple of it. */
export const LANES = 16;

export type DotKernel = (dataPtr: number, queryPtr: number, n: number, stride: number, outPtr: number) => void;

const uleb = (value: number): number[] => {
  const bytes: number[] = [];
  do {
    let byte = value & 0x7f;
    value >>>= 7;
    if (value !== 0) byte |= 0x80;
    bytes.push(byte);
  } while (value !== 0);
  return bytes;
};
const section = (id: number, body: number[]) => [id, ...uleb(body.length), ...body];
const name = (text: string) => [text.length, ...Array.from(text, (c) => c.charCodeAt(0))];

// Opcodes used below (WebAssembly core 2.0 and its fixed-width SIMD extension).
const I32 = 0x7f,
  V128 = 0x7b,
  BLOCK = 0x02,
  LOOP = 0x03,
  END = 0x0b,
  BR = 0x0c,
  BR_IF = 0x0d;
const GET = 0x20,
  SET = 0x21,
  I32_CONST = 0x41,
  I32_ADD = 0x6a,
  I32_SHL = 0x74,
  I32_GE_U = 0x4f,
  I32_LT_U = 0x49;
const F32_ADD = 0x92,
  F32_STORE = 0x38,
  SIMD = 0xfd;
const F32X4_ADD = [SIMD, 0xe4, 0x01],
  F32X4_MUL = [SIMD, 0xe6, 0x01];
/** v128.load at a constant byte offset from the address on the stack. */
const load = (offset: number) => [SIMD, 0x00, 0x00, ...uleb(offset)];
const V128_ZERO = [SIMD, 0x0c, ...new Array<number>(16).fill(0)];
const lane = (i: number) => [SIMD, 0x1f, i];
/** i32.const takes a signed LEB128: 64 needs two bytes (0x40 alone would read as −64). */
const i32 = (value: number) => [I32_CONST, ...(value < 64 ? [value] : [(value & 0x7f) | 0x80, value >> 7])];

// Params: 0 data, 1 query, 2 n, 3 stride, 4 out. Locals: 5 slot, 6 p, 7 q, 8 end, 9–12 four accumulators.
const [DATA, QUERY, N, STRIDE, OUT, SLOT, P, Q, STOP] = [0, 1, 2, 3, 4, 5, 6, 7, 8];
const ACC = [9, 10, 11, 12];
/**
 * Sixteen floats per round into four independent accumulators: one accumulator would
 * make every add wait for the previous one (its latency), four keep the adder busy.
 */
const round = ACC.flatMap((acc, k) => [
  ...[GET, acc, GET, P, ...load(16 * k), GET, Q, ...load(16 * k), ...F32X4_MUL, ...F32X4_ADD, SET, acc],
]);
const body = [
  ...[2, 4, I32, 4, V128], // local declarations
  ...[BLOCK, 0x40, LOOP, 0x40], // for (slot = 0; slot < n; slot++)
  ...[GET, SLOT, GET, N, I32_GE_U, BR_IF, 1],
  ...ACC.flatMap((acc) => [...V128_ZERO, SET, acc]),
  ...[GET, QUERY, SET, Q, GET, DATA, SET, P],
  ...[GET, P, GET, STRIDE, ...i32(2), I32_SHL, I32_ADD, SET, STOP],
  ...[LOOP, 0x40, ...round], //   until p reaches the vector's end
  ...[GET, P, ...i32(64), I32_ADD, SET, P, GET, Q, ...i32(64), I32_ADD, SET, Q],
  ...[GET, P, GET, STOP, I32_LT_U, BR_IF, 0, END],
  ...[GET, ACC[0], GET, ACC[1], ...F32X4_ADD, GET, ACC[2], ...F32X4_ADD, GET, ACC[3], ...F32X4_ADD, SET, ACC[0]],
  ...[GET, OUT, GET, SLOT, ...i32(2), I32_SHL, I32_ADD], // out[slot] = sum of the four lanes
  ...[GET, ACC[0], ...lane(0), GET, ACC[0], ...lane(1), F32_ADD, GET, ACC[0], ...lane(2), F32_ADD],
  ...[GET, ACC[0], ...lane(3), F32_ADD, F32_STORE, 0x02, 0x00],
  ...[GET, STOP, SET, DATA, GET, SLOT, ...i32(1), I32_ADD, SET, SLOT, BR, 0, END, END, END],
];
const moduleBytes = new Uint8Array([
  ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
  ...section(1, [1, 0x60, 5, I32, I32, I32, I32, I32, 0]),
  ...section(2, [1, ...name('env'), ...name('memory'), 0x02, 0x00, 0x01]),
  ...section(3, [1, 0]),
  ...section(7, [1, ...name('scores'), 0x00, 0]),
  ...section(10, [1, ...uleb(body.length), ...body]),
]);

function jsKernel(memory: () => ArrayBuffer): DotKernel {
  return (dataPtr, queryPtr, n, stride, outPtr) => {
    const f = new Float32Array(memory());
    const data = dataPtr >> 2,
      query = queryPtr >> 2,
      out = outPtr >> 2;
    for (let slot = 0; slot < n; slot++) {
      const base = data + slot * stride;
      let dot = 0;
      for (let d = 0; d < stride; d++) dot += f[base + d] * f[query + d];
      f[out + slot] = dot;
    }
  };
}

/** A kernel over `memory`: the SIMD module when this runtime validates it, else plain JS. */
export function createDotKernel(memory: WasmMemory): { kernel: DotKernel; simd: boolean } {
  if (wasm.validate(moduleBytes)) {
    const instance = new wasm.Instance(new wasm.Module(moduleBytes), { env: { memory } });
    return { kernel: instance.exports.scores as DotKernel, simd: true };
  }
  return { kernel: jsKernel(() => memory.buffer), simd: false };
}
