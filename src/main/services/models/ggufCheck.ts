import { basename } from 'node:path';
import { GgufReadError, readGgufHeader, type GgufHeader } from './ggufHeader';
import { formatBytes } from '../../../shared/formatBytes';

/**
 * Checks a model file before anything loads it: llama.cpp aborts the whole process (not
 * an exception) on some malformed files — missing byte tokens, an odd head size — so every
 * file is read here first, in plain JS, and refused with a message a designer can act on.
 */

/** What a usable file's header says. */
export interface GgufFacts {
  architecture: string;
  name: string | null;
  /** Counted from the tensor shapes. */
  parameters: number;
  /** `general.file_type`, when set. */
  fileType: number | null;
  contextLength: number;
  header: GgufHeader;
}

export type GgufCheck = { ok: true; info: GgufFacts } | { ok: false; problem: string };

// [elements per block, bytes per block] of each ggml type (ggml.c type_traits); others are unknown.
const TYPE_SIZE: Record<number, [number, number]> = {
  0: [1, 4],
  1: [1, 2],
  2: [32, 18],
  3: [32, 20],
  6: [32, 22],
  7: [32, 24],
  8: [32, 34],
  9: [32, 36],
  10: [256, 84],
  11: [256, 110],
  12: [256, 144],
  13: [256, 176],
  14: [256, 210],
  15: [256, 292],
  16: [256, 66],
  17: [256, 74],
  18: [256, 98],
  19: [256, 50],
  20: [32, 18],
  21: [256, 110],
  22: [256, 82],
  23: [256, 136],
  24: [1, 1],
  25: [1, 2],
  26: [1, 4],
  27: [1, 8],
  28: [1, 8],
  29: [256, 56],
  30: [1, 2],
  34: [256, 54],
  35: [256, 66],
  39: [32, 17],
};

let architectures: Promise<Set<string>> | null = null;
/** The architectures the pinned node-llama-cpp's llama.cpp knows (its own list, pure JS). */
function supportedArchitectures(): Promise<Set<string>> {
  // A const enum in the typings, but a real object in node-llama-cpp's JS.
  architectures ??= import('node-llama-cpp').then(
    (mod) =>
      new Set(Object.values((mod as unknown as { GgufArchitectureType: Record<string, string> }).GgufArchitectureType)),
  );
  return architectures;
}

const cutOff = (have: number, need: number) =>
  `This file is cut off (${formatBytes(have)} of ${formatBytes(need)}); download it again.`;
const cannotLoad = (what: string) => `${what}, so this version of Maily can't run it. Pick another model file.`;

/** Reads the header of the file at `path` and says whether llama.cpp can safely load it. */
export async function checkGguf(path: string): Promise<GgufCheck> {
  let header: GgufHeader;
  try {
    header = await readGgufHeader(path);
  } catch (error) {
    return { ok: false, problem: readProblem(error, path) };
  }
  const problem = (await metadataProblem(header)) ?? dataProblem(header);
  if (problem) return { ok: false, problem };
  const arch = String(header.metadata.get('general.architecture'));
  const name = header.metadata.get('general.name');
  const fileType = header.metadata.get('general.file_type');
  return {
    ok: true,
    info: {
      architecture: arch,
      name: typeof name === 'string' && name.trim() ? name.trim() : null,
      parameters: header.tensors.reduce((sum, t) => sum + t.dims.reduce((a, b) => a * b, 1), 0),
      fileType: typeof fileType === 'number' ? fileType : null,
      contextLength: Number(header.metadata.get(`${arch}.context_length`)),
      header,
    },
  };
}

function readProblem(error: unknown, path: string): string {
  if (!(error instanceof GgufReadError)) {
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === 'ENOENT') return `There is no file at ${path}. Check the path and try again.`;
    if (code === 'EISDIR') return `${path} is a folder; pick the .gguf file inside it.`;
    return `Maily could not read ${basename(path)} (${code ?? 'unknown error'}). Check that the file is readable.`;
  }
  switch (error.reason) {
    case 'not-gguf':
      return 'Not a GGUF model file. Maily runs GGUF models: download the file that ends in .gguf from the model page.';
    case 'truncated':
      return 'This file is cut off inside its header; download it again.';
    case 'version':
      return cannotLoad(`This GGUF file uses an unknown format version (${error.message})`);
    default:
      return `This model file is damaged (${error.message}); download it again.`;
  }
}

const num = (header: GgufHeader, key: string): number | null => {
  const value = header.metadata.get(key);
  return typeof value === 'number' || typeof value === 'bigint' ? Number(value) : null;
};

async function metadataProblem(header: GgufHeader): Promise<string | null> {
  const arch = header.metadata.get('general.architecture');
  if (typeof arch !== 'string' || !arch) return cannotLoad("This model file doesn't say which architecture it is");
  if (!(await supportedArchitectures()).has(arch)) {
    return `Architecture “${arch}” is not supported by this version of Maily. Pick a model of another architecture (for example llama, qwen2 or gemma).`;
  }
  const required = [`${arch}.context_length`, `${arch}.embedding_length`, `${arch}.block_count`];
  if (arch === 'llama') required.push(`${arch}.attention.layer_norm_rms_epsilon`);
  const missing = required.find((key) => !header.metadata.has(key));
  if (missing) return cannotLoad(`This model file is missing “${missing}”`);
  const embedding = num(header, `${arch}.embedding_length`) ?? 0;
  const heads = num(header, `${arch}.attention.head_count`);
  const headDim = num(header, `${arch}.attention.key_length`) ?? (heads ? embedding / heads : null);
  if (headDim !== null && (!Number.isInteger(headDim) || headDim % 2 !== 0)) {
    return cannotLoad(`This model's attention heads have an odd size (${headDim})`);
  }
  return tokenizerProblem(header);
}

function tokenizerProblem(header: GgufHeader): string | null {
  const model = header.metadata.get('tokenizer.ggml.model');
  const tokens = header.metadata.get('tokenizer.ggml.tokens');
  if (model === undefined) return null; // llama.cpp loads tokenizer-less models (no text, embeddings only)
  if (!Array.isArray(tokens) || tokens.length === 0) return cannotLoad('This model file has no tokenizer tokens');
  if (model === 'llama') {
    const present = new Set(tokens.filter((t): t is string => typeof t === 'string' && /^<0x[0-9A-F]{2}>$/.test(t)));
    if (present.size < 256)
      return cannotLoad(`This model's tokenizer lacks ${256 - present.size} of the 256 byte tokens`);
  }
  return null;
}

function dataProblem(header: GgufHeader): string | null {
  let needed = header.dataOffset;
  for (const tensor of header.tensors) {
    if (tensor.dims.some((d) => d <= 0) || tensor.offset % header.alignment !== 0) {
      return `This model file is damaged (tensor “${tensor.name}”); download it again.`;
    }
    const size = TYPE_SIZE[tensor.type];
    const elements = tensor.dims.reduce((a, b) => a * b, 1);
    // An unknown (newer) type still needs at least one byte at its offset.
    const bytes = size ? Math.ceil(elements / size[0]) * size[1] : 1;
    needed = Math.max(needed, header.dataOffset + tensor.offset + bytes);
  }
  if (!Number.isSafeInteger(needed)) return 'This model file is damaged (impossible tensor sizes); download it again.';
  return header.fileSize < needed ? cutOff(header.fileSize, needed) : null;
}
