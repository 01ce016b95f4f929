import { copyFile, mkdir, readdir, rename, stat, unlink } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import catalogueJson from '../../../../resources/models.json';
import { catalogueEntrySchema, type CatalogueEntry, type ModelInfo } from '../../../shared/ai/models';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { SettingsStore } from '../settings/SettingsStore';
import { checkGguf } from './ggufCheck';
import { estimateMemory } from './memoryEstimate';
import { fileTypeName } from './fileTypeName';
import { isModelId } from './modelSource';
import { ModelDownloader } from './ModelDownloader';

/** Options for {@link ModelService}. */
export interface ModelServiceOptions {
  /** The models folder (`<dataDir>/models`); created when missing. */
  modelsDir: string;
  settings: SettingsStore;
  /** Memory needs of a checked file. Defaults to node-llama-cpp's insights ({@link estimateMemory}). */
  estimateMemory?: typeof estimateMemory;
}

const SETTINGS_KEY = 'models';
const storedSchema = z.object({ defaultModelId: z.string().nullable() });

/** The recommended models shipped in `resources/models.json`, checked against the schema. */
export const catalogue: CatalogueEntry[] = z.array(catalogueEntrySchema).parse(catalogueJson);

/**
 * The GGUF files in the models folder: what their headers say, what they need in memory,
 * which one is the default. Every file is checked with `checkGguf` (never loaded) and a
 * broken one is listed with its problem rather than hidden, so the designer sees why.
 */
export class ModelService {
  readonly dir: string;
  /** Downloads into this folder; a finished one announces the new file through {@link onChanged}. */
  readonly downloads: ModelDownloader;
  readonly #settings: SettingsStore;
  readonly #estimate: typeof estimateMemory;
  readonly #listeners = new Set<(modelId: string | null) => void>();
  // Headers and memory estimates by file, keyed on size and mtime: listing is frequent, files rarely change.
  readonly #cache = new Map<string, { key: string; info: Promise<Omit<ModelInfo, 'isDefault'>> }>();

  constructor(options: ModelServiceOptions) {
    this.dir = options.modelsDir;
    this.#settings = options.settings;
    this.#estimate = options.estimateMemory ?? estimateMemory;
    this.downloads = new ModelDownloader({
      modelsDir: this.dir,
      // The file is in place either way; a failed re-list only leaves the default implicit.
      onInstalled: (id) => void this.#installed(id).catch(() => undefined),
    });
  }

  /** Stops downloads (their .part files stay for a later resume). */
  dispose(): Promise<void> {
    return this.downloads.dispose();
  }

  /** Every model file, sorted by name. */
  async list(): Promise<ModelInfo[]> {
    await mkdir(this.dir, { recursive: true });
    const names = (await readdir(this.dir)).filter(isModelId).sort((a, b) => a.localeCompare(b));
    const infos = (await Promise.all(names.map((name) => this.#describe(name)))).filter((info) => info !== null);
    const defaultId = pickDefault(infos, this.#storedDefault());
    return infos.map((info) => ({ ...info, isDefault: info.id === defaultId }));
  }

  /** One model by id; E_NOT_FOUND when it is not in the folder. */
  async get(modelId: string): Promise<ModelInfo> {
    const found = (await this.list()).find((model) => model.id === modelId);
    if (!found) throw new MailyError(ErrorCode.NotFound, `There is no model “${modelId}” in the models folder.`);
    return found;
  }

  /** The default model's id: the chosen one while it is usable, else the first usable file, else null. */
  async defaultModelId(): Promise<string | null> {
    return (await this.list()).find((model) => model.isDefault)?.id ?? null;
  }

  /** The recommended models. */
  catalogue(): CatalogueEntry[] {
    return catalogue;
  }

  /** Copies the GGUF file at `path` into the folder after checking it; refuses a broken one. */
  async importFile(path: string): Promise<ModelInfo> {
    const check = await checkGguf(path);
    if (!check.ok) {
      const missing = check.problem.startsWith('There is no file');
      throw new MailyError(missing ? ErrorCode.NotFound : ErrorCode.InvalidInput, check.problem);
    }
    await mkdir(this.dir, { recursive: true });
    const stem =
      basename(path)
        .replace(/\.gguf$/i, '')
        .replace(/^\.+/, '')
        .replace(/[\\\0]/g, '_') || 'model';
    const id = await this.#freeName(`${stem}.gguf`);
    const partial = join(this.dir, `.${id}.import`);
    try {
      await copyFile(path, partial);
      await rename(partial, join(this.dir, id)); // atomic: the list never shows a half-copied file
    } catch (error) {
      await unlink(partial).catch(() => undefined); // best effort: the copy already failed
      throw new MailyError(
        ErrorCode.Internal,
        `Maily could not copy the model (${(error as Error).message}). Check free disk space.`,
      );
    }
    await this.#installed(id);
    return this.get(id);
  }

  /** Deletes a model file (and forgets it as the default). */
  async remove(modelId: string): Promise<{ modelId: string }> {
    const file = this.#file(modelId);
    await unlink(file).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new MailyError(ErrorCode.NotFound, `There is no model “${modelId}” any more.`);
      throw error;
    });
    this.#cache.delete(modelId);
    if (this.#storedDefault() === modelId) this.#settings.write(SETTINGS_KEY, { defaultModelId: null });
    this.notifyChanged(modelId);
    return { modelId };
  }

  /** Makes a usable model the default. */
  async setDefault(modelId: string): Promise<ModelInfo> {
    const model = await this.get(modelId);
    if (model.problem) throw new MailyError(ErrorCode.InvalidInput, model.problem);
    this.#settings.write(SETTINGS_KEY, { defaultModelId: modelId });
    this.notifyChanged(modelId);
    return { ...model, isDefault: true };
  }

  /** Calls `listener` with the model id (null: the whole folder) when a file or the default changes. */
  onChanged(listener: (modelId: string | null) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Tells listeners a file appeared or changed (the downloader calls this when one lands). */
  notifyChanged(modelId: string | null): void {
    for (const listener of [...this.#listeners]) listener(modelId);
  }

  /** The path of `modelId` inside the folder; refuses anything that is not a plain model file name. */
  #file(modelId: string): string {
    if (!isModelId(modelId)) throw new MailyError(ErrorCode.InvalidInput, `“${modelId}” is not a model file name.`);
    return join(this.dir, modelId);
  }

  /**
   * A new file arrived. Without a stored default the first usable file is the default, so
   * store it now: a later file whose name sorts first must not silently take its place.
   */
  async #installed(id: string): Promise<void> {
    try {
      const current = (await this.list()).find((model) => model.isDefault);
      if (current && this.#storedDefault() !== current.id) {
        this.#settings.write(SETTINGS_KEY, { defaultModelId: current.id });
      }
    } finally {
      this.notifyChanged(id);
    }
  }

  #storedDefault(): string | null {
    return this.#settings.read(SETTINGS_KEY, storedSchema, { defaultModelId: null }).defaultModelId;
  }

  async #freeName(wanted: string): Promise<string> {
    const taken = new Set(await readdir(this.dir));
    const stem = wanted.replace(/\.gguf$/i, '');
    for (let n = 1; ; n++) {
      const name = n === 1 ? wanted : `${stem}-${n}.gguf`;
      if (!taken.has(name) && isModelId(name)) return name;
    }
  }

  async #describe(id: string): Promise<Omit<ModelInfo, 'isDefault'> | null> {
    const file = join(this.dir, id);
    const stats = await stat(file).catch(() => null);
    if (!stats?.isFile()) return null; // removed meanwhile, or a folder named *.gguf
    const key = `${stats.size}:${stats.mtimeMs}`;
    const cached = this.#cache.get(id);
    if (cached?.key === key) return cached.info;
    const info = this.#read(file, id, stats.size);
    this.#cache.set(id, { key, info });
    return info;
  }

  async #read(file: string, id: string, bytes: number): Promise<Omit<ModelInfo, 'isDefault'>> {
    const check = await checkGguf(file);
    const empty = {
      id,
      bytes,
      architecture: null,
      name: null,
      parameters: null,
      quantization: null,
      contextLength: null,
    };
    if (!check.ok) return { ...empty, memory: null, problem: check.problem };
    const facts = check.info;
    return {
      ...empty,
      architecture: facts.architecture,
      name: facts.name,
      parameters: facts.parameters,
      quantization: facts.fileType === null ? null : fileTypeName(facts.fileType),
      contextLength: facts.contextLength || null,
      memory: await this.#estimate(file, facts.contextLength),
      problem: null,
    };
  }
}

function pickDefault(models: Omit<ModelInfo, 'isDefault'>[], stored: string | null): string | null {
  const usable = models.filter((model) => !model.problem);
  return usable.find((model) => model.id === stored)?.id ?? usable[0]?.id ?? null;
}
