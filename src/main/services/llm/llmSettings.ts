import { existsSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, isAbsolute, join, relative, resolve } from 'node:path';
import { llmSettingsSchema, type LlmSettings } from '../../../shared/ai/llm';
import { ErrorCode, MailyError } from '../../../shared/errors';
import type { SettingsStore } from '../settings/SettingsStore';

/** The key of the node's settings in the workspace's settings table. */
const SETTINGS_KEY = 'llm';

/** The settings a load uses, every field filled in. */
export type ResolvedLlmSettings = Required<LlmSettings>;

/** The context cap when none is stored: node-llama-cpp picks what fits, up to this. */
export const DEFAULT_CONTEXT_SIZE = 4096;

/** CPU cores this process may use; threads are never set above it. */
export const coreCount = (): number => Math.max(1, availableParallelism());

/**
 * Threads when none are set: all cores but one, at most 8. llama.cpp's threads spin while
 * they wait for each other, so on a busy machine a thread per core collapses generation
 * (measured 10x slower on 2 cores under load) and starves the host and the UI; past 8
 * threads small models are bound by memory, not cores.
 */
export const defaultThreads = (cores = coreCount()): number => Math.max(1, Math.min(cores - 1, 8));

/** Fills in the defaults and clamps threads to the cores this machine has. */
export function resolveSettings(stored: LlmSettings): ResolvedLlmSettings {
  const cores = coreCount();
  return {
    threads: Math.min(stored.threads ?? defaultThreads(cores), cores),
    concurrency: stored.concurrency ?? 1,
    contextSize: stored.contextSize ?? DEFAULT_CONTEXT_SIZE,
    gpu: stored.gpu ?? true,
  };
}

/** Reads the stored settings (a damaged value reads as the defaults). */
export function readSettings(store: SettingsStore): ResolvedLlmSettings {
  return resolveSettings(store.read(SETTINGS_KEY, llmSettingsSchema, {}));
}

/** Merges `changes` into the stored settings, validates and stores them. */
export function writeSettings(store: SettingsStore, changes: LlmSettings): ResolvedLlmSettings {
  const merged = llmSettingsSchema.safeParse({ ...store.read(SETTINGS_KEY, llmSettingsSchema, {}), ...changes });
  if (!merged.success) throw new MailyError(ErrorCode.InvalidInput, 'Those model settings are out of range.');
  return resolveSettings(store.write(SETTINGS_KEY, merged.data));
}

/**
 * The file of model `modelId` inside `modelsDir`. An id is a plain file name: anything
 * with a separator or `..`, or a link that leads out of the folder, is refused, so a
 * caller can never make the node open an arbitrary file.
 */
export function resolveModelFile(modelsDir: string, modelId: string): string {
  const refused = () => new MailyError(ErrorCode.InvalidInput, `“${modelId}” is not a model name.`);
  if (modelId !== basename(modelId) || modelId === '.' || modelId === '..' || modelId.includes('\0')) throw refused();
  const file = join(modelsDir, modelId);
  if (!existsSync(file) || !statSync(file).isFile())
    throw new MailyError(ErrorCode.NotFound, `There is no model “${modelId}” in the models folder.`);
  const inside = relative(realpathSync(modelsDir), realpathSync(file));
  if (inside.startsWith('..') || isAbsolute(inside)) throw refused();
  return resolve(file);
}
