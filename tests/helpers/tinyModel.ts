/**
 * Generates a tiny, valid llama-architecture GGUF model for tests (no weights can be
 * downloaded here). Random F32 weights from a seed, so the same seed gives the same bytes;
 * an SPM tokenizer with all 256 byte tokens (llama.cpp aborts without them) and enough
 * word and JSON punctuation tokens for grammar-constrained output. The defaults are
 * ~130k parameters: it loads in tens of milliseconds and generates >1,000 tokens/s on one
 * thread. Hostile variants for validation tests come from the options and the helpers below.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { seededRandom } from '../../src/shared/simulator/random';
import { encodeGguf, type GgufTensor, type GgufValue } from './ggufWriter';

/** Options for {@link writeTinyModel}; every field has a working default. */
export interface TinyModelOptions {
  /** Seed of the random weights. Defaults to 1. */
  seed?: number;
  /** Extra normal tokens after the built-in ones ("▁" marks a leading space). */
  vocab?: string[];
  /** `general.architecture`. Defaults to "llama"; anything else makes an unsupported model. */
  architecture?: string;
  /** `general.name`. Defaults to "Maily tiny test model". */
  name?: string;
  /** Defaults to 64. */
  embeddingLength?: number;
  /** Defaults to 4 (head dimension 16; an odd head dimension aborts llama.cpp). */
  headCount?: number;
  /** Defaults to 2. */
  blockCount?: number;
  /** Defaults to 128. */
  feedForwardLength?: number;
  /** Trained context length. Defaults to 2048. */
  contextLength?: number;
  /** Include the 256 `<0xNN>` byte tokens. Defaults to true (false makes a model llama.cpp aborts on). */
  byteTokens?: boolean;
  /** `tokenizer.chat_template`; null leaves it out. Defaults to {@link TINY_CHAT_TEMPLATE}. */
  chatTemplate?: string | null;
  /**
   * Added to a token's logit (by token text), on top of {@link DEFAULT_LOGIT_BIAS}. Random
   * weights pick byte tokens and stop at random otherwise; the defaults make the output
   * readable text that runs until `maxTokens`, with strings that end in JSON mode.
   */
  logitBias?: Record<string, number>;
}

/**
 * Logit offsets by token text: never the control tokens (so generation runs to `maxTokens`,
 * as long-draft and stop tests need), never raw bytes (invalid UTF-8), and a quote often
 * enough that JSON strings close within a few tokens.
 */
export const DEFAULT_LOGIT_BIAS: Record<string, number> = { '<unk>': -30, '<s>': -30, '</s>': -30, '"': 2 };
const BYTE_TOKEN_BIAS = -30;

/** A written model file. */
export interface TinyModel {
  path: string;
  bytes: number;
  sha256: string;
}

/** A plain role-tagged jinja chat template (ChatML-like, with the model's own `</s>`). */
export const TINY_CHAT_TEMPLATE =
  "{% for message in messages %}{{ '<|' + message['role'] + '|>\\n' + message['content'] + '</s>\\n' }}{% endfor %}" +
  "{% if add_generation_prompt %}{{ '<|assistant|>\\n' }}{% endif %}";

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const PUNCTUATION = ['{', '}', '"', ':', ',', '[', ']', '.', '!', '?', '-', "'", '\\', '/', '_', '(', ')', '▁'];
const WORDS = ['the', 'a', 'to', 'and', 'you', 'your', 'new', 'email', 'offer', 'sale', 'hello', 'welcome', 'today'];
const TOKEN_TYPE = { normal: 1, unknown: 2, control: 3, byte: 6 } as const;

/** Tokens, scores and types: control tokens, byte tokens, then normal ones. */
export function tinyVocab(extra: string[] = [], byteTokens = true) {
  const tokens = ['<unk>', '<s>', '</s>'];
  const types: number[] = [TOKEN_TYPE.unknown, TOKEN_TYPE.control, TOKEN_TYPE.control];
  if (byteTokens) {
    for (let b = 0; b < 256; b++) {
      tokens.push(`<0x${b.toString(16).toUpperCase().padStart(2, '0')}>`);
      types.push(TOKEN_TYPE.byte);
    }
  }
  const normal = [...LETTERS, ...PUNCTUATION, ...WORDS.map((w) => `▁${w}`), '▁{', '▁"', ...extra];
  for (const token of new Set(normal)) {
    if (tokens.includes(token)) continue;
    tokens.push(token);
    types.push(TOKEN_TYPE.normal);
  }
  // SPM merges prefer higher scores: longer pieces first, so words win over letters.
  const scores = tokens.map((token, i) => (types[i] === TOKEN_TYPE.normal ? token.length - i / 1e4 : 0));
  return { tokens, scores, types };
}

const BIAS_CARRIER = 0.3;

/** Zeroes output row 0 of a [input, output] weight so the block never changes dimension 0. */
function zeroRow(data: Float32Array, inputs: number): Float32Array {
  data.fill(0, 0, inputs);
  return data;
}

/** Writes each token's logit bias into column 0 of output.weight (scaled back from the carrier's norm). */
function withBias(
  data: Float32Array,
  n: number,
  vocab: ReturnType<typeof tinyVocab>,
  extra: Record<string, number> = {},
): Float32Array {
  const bias: Record<string, number> = { ...DEFAULT_LOGIT_BIAS, ...extra };
  vocab.tokens.forEach((token, t) => {
    const offset = bias[token] ?? (vocab.types[t] === TOKEN_TYPE.byte ? BYTE_TOKEN_BIAS : 0);
    data[t * n] = offset;
  });
  return data;
}

/** Builds the GGUF bytes of a tiny model. */
export function tinyModelBytes(options: TinyModelOptions = {}): Buffer {
  const arch = options.architecture ?? 'llama';
  const n = options.embeddingLength ?? 64;
  const heads = options.headCount ?? 4;
  const blocks = options.blockCount ?? 2;
  const ff = options.feedForwardLength ?? 128;
  const vocab = tinyVocab(options.vocab, options.byteTokens ?? true);
  const random = seededRandom(options.seed ?? 1);
  const weights = (...dims: number[]): Float32Array => {
    const data = new Float32Array(dims.reduce((a, b) => a * b, 1));
    const scale = 1 / Math.sqrt(dims[0]);
    for (let i = 0; i < data.length; i++) data[i] = (random() * 2 - 1) * scale;
    return data;
  };
  const ones = (size: number) => new Float32Array(size).fill(1);
  const v = vocab.tokens.length;
  const embeddings = weights(n, v);
  // Dimension 0 of the residual stream is a constant (every token embeds it, no block
  // writes it), so column 0 of output.weight acts as a per-token logit bias.
  for (let t = 0; t < v; t++) embeddings[t * n] = BIAS_CARRIER;
  const attnOutput = () => zeroRow(weights(n, n), n);
  const ffnDown = () => zeroRow(weights(ff, n), ff);
  const tensors: GgufTensor[] = [{ name: 'token_embd.weight', dims: [n, v], data: embeddings }];
  for (let b = 0; b < blocks; b++) {
    const p = `blk.${b}.`;
    tensors.push(
      { name: `${p}attn_norm.weight`, dims: [n], data: ones(n) },
      { name: `${p}attn_q.weight`, dims: [n, n], data: weights(n, n) },
      { name: `${p}attn_k.weight`, dims: [n, n], data: weights(n, n) },
      { name: `${p}attn_v.weight`, dims: [n, n], data: weights(n, n) },
      { name: `${p}attn_output.weight`, dims: [n, n], data: attnOutput() },
      { name: `${p}ffn_norm.weight`, dims: [n], data: ones(n) },
      { name: `${p}ffn_gate.weight`, dims: [n, ff], data: weights(n, ff) },
      { name: `${p}ffn_up.weight`, dims: [n, ff], data: weights(n, ff) },
      { name: `${p}ffn_down.weight`, dims: [ff, n], data: ffnDown() },
    );
  }
  tensors.push(
    { name: 'output_norm.weight', dims: [n], data: ones(n) },
    { name: 'output.weight', dims: [n, v], data: withBias(weights(n, v), n, vocab, options.logitBias) },
  );
  const metadata: Record<string, GgufValue> = {
    'general.architecture': { type: 'string', value: arch },
    'general.name': { type: 'string', value: options.name ?? 'Maily tiny test model' },
    'general.alignment': { type: 'u32', value: 32 },
    'general.file_type': { type: 'u32', value: 0 }, // ALL_F32
    [`${arch}.context_length`]: { type: 'u32', value: options.contextLength ?? 2048 },
    [`${arch}.embedding_length`]: { type: 'u32', value: n },
    [`${arch}.block_count`]: { type: 'u32', value: blocks },
    [`${arch}.feed_forward_length`]: { type: 'u32', value: ff },
    [`${arch}.attention.head_count`]: { type: 'u32', value: heads },
    [`${arch}.attention.layer_norm_rms_epsilon`]: { type: 'f32', value: 1e-5 },
    'tokenizer.ggml.model': { type: 'string', value: 'llama' },
    'tokenizer.ggml.tokens': { type: 'strings', value: vocab.tokens },
    'tokenizer.ggml.scores': { type: 'f32s', value: vocab.scores },
    'tokenizer.ggml.token_type': { type: 'i32s', value: vocab.types },
    'tokenizer.ggml.unknown_token_id': { type: 'u32', value: 0 },
    'tokenizer.ggml.bos_token_id': { type: 'u32', value: 1 },
    'tokenizer.ggml.eos_token_id': { type: 'u32', value: 2 },
  };
  if (options.chatTemplate !== null) {
    metadata['tokenizer.chat_template'] = { type: 'string', value: options.chatTemplate ?? TINY_CHAT_TEMPLATE };
  }
  return encodeGguf(metadata, tensors);
}

function save(path: string, bytes: Buffer): TinyModel {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, bytes);
  return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

/** Writes a tiny model to `path` (creating folders) and returns its size and sha256. */
export function writeTinyModel(path: string, options: TinyModelOptions = {}): TinyModel {
  return save(path, tinyModelBytes(options));
}

/** A valid tiny model cut off after `fraction` of its bytes (a broken download). Defaults to half. */
export function writeTruncatedModel(path: string, fraction = 0.5, options: TinyModelOptions = {}): TinyModel {
  const bytes = tinyModelBytes(options);
  return save(path, bytes.subarray(0, Math.floor(bytes.length * fraction)));
}

/** A file with a `.gguf` name that is not GGUF at all. */
export function writeNotGgufFile(path: string): TinyModel {
  return save(path, Buffer.from('<!doctype html><title>404</title>Not found\n'.repeat(20)));
}

/** A well-formed GGUF file whose architecture llama.cpp does not know. */
export function writeUnsupportedArchModel(path: string, architecture = 'nosucharch'): TinyModel {
  return writeTinyModel(path, { architecture });
}
