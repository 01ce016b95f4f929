import { z } from 'zod';

/** A GGUF model file in the models folder, with what its metadata says. */
export interface ModelInfo {
  /** The file name: the model's id. */
  id: string;
  bytes: number;
  /** `general.architecture`, e.g. "llama". */
  architecture: string | null;
  /** `general.name`, when set. */
  name: string | null;
  /** Parameter count, when the metadata says or it can be counted. */
  parameters: number | null;
  /** e.g. "Q4_K_M", from `general.file_type`. */
  quantization: string | null;
  /** Trained context length in tokens. */
  contextLength: number | null;
  /** Memory to load it with a default context, from node-llama-cpp's insights. */
  memory: { ramBytes: number; vramBytes: number } | null;
  /** Null when the file is usable; else why not, written for the designer. */
  problem: string | null;
  isDefault: boolean;
}

export type DownloadState = 'downloading' | 'paused' | 'verifying' | 'done' | 'failed' | 'cancelled';

export interface DownloadView {
  id: string;
  /** The URL or `hf:` reference it came from. */
  source: string;
  fileName: string;
  state: DownloadState;
  receivedBytes: number;
  totalBytes: number | null;
  /** Bytes per second over the last seconds. */
  speed: number | null;
  error: string | null;
}

/** One recommended model in `resources/models.json`. */
export const catalogueEntrySchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string(),
  source: z.string(),
  fileName: z.string(),
  bytes: z.number().int().positive(),
  sha256: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  parameters: z.string(),
  quantization: z.string(),
  contextLength: z.number().int().positive(),
  license: z.string(),
});
export type CatalogueEntry = z.infer<typeof catalogueEntrySchema>;

/** A URL (http/https) or a Hugging Face reference `hf:<user>/<repo>/<file.gguf>`. */
export const modelSourceSchema = z
  .string()
  .trim()
  .max(2_000)
  .refine(
    (value) => /^hf:[\w.-]+\/[\w.-]+(\/[\w.\-/]+\.gguf|:[\w.-]+)?$/i.test(value) || /^https?:\/\/\S+$/i.test(value),
    'Use an http(s) URL or an hf:<user>/<repo>/<file>.gguf reference',
  );
