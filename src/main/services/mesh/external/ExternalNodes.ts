import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { LlmStatus } from '../../../../shared/ai/llm';
import { ErrorCode, MailyError } from '../../../../shared/errors';
import { externalNodeInputSchema, type ExternalNodeInput, type ExternalNodeView } from '../../../../shared/mesh/mesh';
import type { LlmNode } from '../../llm/LlmNode';
import type { SecretStore } from '../../mail/SecretStore';
import type { SettingsStore } from '../../settings/SettingsStore';
import { OpenAiNode } from '../openai/OpenAiNode';

/** The settings key of the list (never holds a key: those are in the secret store). */
const SETTINGS_KEY = 'mesh.external';
/** Most servers one machine keeps. */
export const MAX_EXTERNAL_NODES = 32;

const savedSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  name: z.string().max(80),
  baseUrl: z.string().max(2_048),
  model: z.string().max(255),
  contextSize: z.number().int(),
  concurrency: z.number().int(),
  share: z.boolean(),
  hasApiKey: z.boolean(),
});
type Saved = z.infer<typeof savedSchema>;
const listSchema = z.array(savedSchema).max(MAX_EXTERNAL_NODES);

/** Options for {@link ExternalNodes}. */
export interface ExternalNodesOptions {
  settings: SettingsStore;
  /** Where API keys are kept, encrypted (the same store as the SMTP password). */
  secrets: SecretStore;
  /** How long a server may take to start answering. Defaults to the OpenAI node's 30 s. */
  timeoutMs?: number;
  /** Where a key that cannot be read is reported. Defaults to the console. */
  log?: { error(message: string, detail?: unknown): void };
}

/** The mesh node id of an external server's entry. */
export const externalNodeId = (id: string) => `ext-${id}`;
const keyName = (id: string) => `mesh.external.${id}.apiKey`;

/**
 * The OpenAI-compatible servers (Ollama, llama.cpp server, vLLM) this machine added as
 * LLM nodes: the list is stored with the settings, each API key encrypted in the secret
 * store (never returned: views say `hasApiKey`), and one {@link OpenAiNode} runs per
 * entry with the id `ext-<id>`. A key belongs to its server: changing an entry's address
 * to another origin without giving a key forgets the old one, so it is never sent elsewhere.
 */
export class ExternalNodes {
  readonly #options: ExternalNodesOptions;
  readonly #nodes = new Map<string, OpenAiNode>();
  readonly #listeners = new Set<(change: { id: string }) => void>();
  readonly #offStatus = new Map<string, () => void>();
  /** Serialises changes, so two concurrent edits never lose each other. */
  #queue: Promise<unknown> = Promise.resolve();
  readonly #ready: Promise<void>;
  /** The stored list, read once: only this service writes it. */
  #list: Saved[] | null = null;
  #disposed = false;

  constructor(options: ExternalNodesOptions) {
    this.#options = options;
    this.#ready = this.#serial(async () => {
      for (const entry of this.#read()) await this.#start(entry);
    });
  }

  /** Resolves once the stored servers have their nodes (their keys are read asynchronously). */
  ready(): Promise<void> {
    return this.#ready;
  }

  /** Every server, in the order added, with its node's state. */
  list(): ExternalNodeView[] {
    return this.#read().map((entry) => this.#view(entry));
  }

  /** One server by its id, or E_NOT_FOUND. */
  get(id: string): ExternalNodeView {
    return this.#view(this.#find(id));
  }

  /** Validates and adds a server; its node starts checking the server at once. */
  async add(input: ExternalNodeInput): Promise<ExternalNodeView> {
    const parsed = parse(input);
    return this.#serial(async () => {
      const list = this.#read();
      if (list.length >= MAX_EXTERNAL_NODES)
        throw new MailyError(
          ErrorCode.InvalidInput,
          `Maily keeps at most ${MAX_EXTERNAL_NODES} servers. Remove one you no longer use first.`,
        );
      const id = randomUUID();
      const apiKey = parsed.apiKey ?? '';
      if (apiKey) await this.#options.secrets.set(keyName(id), apiKey);
      const entry = toSaved(id, parsed, apiKey !== '');
      this.#write([...list, entry]);
      await this.#start(entry, apiKey);
      this.#emit(id);
      return this.#view(entry);
    });
  }

  /**
   * Changes a server. `apiKey` left out keeps the stored key (unless the address moves to
   * another origin: then it is forgotten), an empty one removes it.
   */
  async update(id: string, input: ExternalNodeInput): Promise<ExternalNodeView> {
    const parsed = parse(input);
    return this.#serial(async () => {
      const list = this.#read();
      const before = this.#find(id, list);
      const moved = new URL(before.baseUrl).origin !== new URL(parsed.baseUrl).origin;
      let apiKey = parsed.apiKey;
      if (apiKey === undefined && before.hasApiKey && !moved) apiKey = (await this.#key(id)) ?? '';
      apiKey ??= '';
      if (apiKey) await this.#options.secrets.set(keyName(id), apiKey);
      else await this.#forgetKey(id);
      const entry = toSaved(id, parsed, apiKey !== '');
      this.#write(list.map((e) => (e.id === id ? entry : e)));
      await this.#stop(id);
      await this.#start(entry, apiKey);
      this.#emit(id);
      return this.#view(entry);
    });
  }

  /** Removes a server, its node and its key. */
  remove(id: string): Promise<{ id: string }> {
    return this.#serial(async () => {
      const list = this.#read();
      this.#find(id, list);
      this.#write(list.filter((e) => e.id !== id));
      await this.#stop(id);
      await this.#forgetKey(id);
      this.#emit(id);
      return { id };
    });
  }

  /** The servers' LLM nodes (ids `ext-<id>`), for the mesh's router. */
  nodes(): LlmNode[] {
    return [...this.#nodes.values()];
  }

  /** The entry behind a node id (`ext-<id>`), or undefined. */
  entryOfNode(nodeId: string): ExternalNodeView | undefined {
    const entry = this.#read().find((e) => externalNodeId(e.id) === nodeId);
    return entry && this.#view(entry);
  }

  /** Asks a server again whether it is up (after the designer started it); resolves to its view. */
  async check(id: string): Promise<ExternalNodeView> {
    const entry = this.#find(id);
    await this.#nodes.get(id)?.connect();
    return this.#view(entry);
  }

  /** Calls `listener` when a server is added, changed or removed, or its node's state changes. */
  onChanged(listener: (change: { id: string }) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async dispose(): Promise<void> {
    if (this.#disposed) return;
    this.#disposed = true;
    this.#listeners.clear();
    await this.#queue.catch(() => undefined); // let a running change finish before its node goes
    for (const id of [...this.#nodes.keys()]) await this.#stop(id);
  }

  async #start(entry: Saved, knownKey?: string): Promise<void> {
    if (this.#disposed) return;
    const apiKey = knownKey ?? (entry.hasApiKey ? await this.#key(entry.id) : null) ?? undefined;
    const node = new OpenAiNode({
      id: externalNodeId(entry.id),
      baseUrl: entry.baseUrl,
      apiKey: apiKey || undefined,
      model: entry.model,
      concurrency: entry.concurrency,
      timeoutMs: this.#options.timeoutMs,
    });
    this.#nodes.set(entry.id, node);
    let last = node.status().state;
    this.#offStatus.set(
      entry.id,
      node.onStatus((status: LlmStatus) => {
        if (status.state === last) return; // running/queued counts move often; the list shows the state
        last = status.state;
        this.#emit(entry.id);
      }),
    );
  }

  async #stop(id: string): Promise<void> {
    this.#offStatus.get(id)?.();
    this.#offStatus.delete(id);
    const node = this.#nodes.get(id);
    this.#nodes.delete(id);
    await node?.dispose();
  }

  async #key(id: string): Promise<string | null> {
    try {
      return await this.#options.secrets.get(keyName(id));
    } catch (error) {
      // A key that no longer decrypts (the keychain changed): the node runs without it and says so.
      (this.#options.log ?? console).error(`Could not read the API key of external server ${id}`, error);
      return null;
    }
  }

  async #forgetKey(id: string): Promise<void> {
    const secrets = this.#options.secrets;
    if (secrets.delete) await secrets.delete(keyName(id));
    else await secrets.set(keyName(id), '');
  }

  #read(): Saved[] {
    this.#list ??= this.#options.settings.read(SETTINGS_KEY, listSchema, []);
    return this.#list;
  }

  #write(list: Saved[]): void {
    this.#options.settings.write(SETTINGS_KEY, list);
    this.#list = list;
  }

  #find(id: string, list = this.#read()): Saved {
    const entry = list.find((e) => e.id === id);
    if (!entry) throw new MailyError(ErrorCode.NotFound, 'This server was removed. Refresh the list and try again.');
    return entry;
  }

  #view(entry: Saved): ExternalNodeView {
    const status = this.#nodes.get(entry.id)?.status();
    return { ...entry, state: status?.state ?? 'idle', error: status?.error ?? null };
  }

  #emit(id: string): void {
    for (const listener of [...this.#listeners]) listener({ id });
  }

  #serial<T>(task: () => Promise<T>): Promise<T> {
    const run = this.#queue.then(task, task);
    this.#queue = run.catch(() => undefined); // a failed change must not block the next one
    return run;
  }
}

function parse(input: ExternalNodeInput): ExternalNodeInput {
  const parsed = externalNodeInputSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join('.');
    throw new MailyError(ErrorCode.InvalidInput, `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}`);
  }
  const url = new URL(parsed.data.baseUrl);
  // The list is stored in plain settings: a password in the address would be kept in the clear.
  if (url.username || url.password)
    throw new MailyError(
      ErrorCode.InvalidInput,
      'baseUrl: Leave the user name and password out of the address; put a key in the API key field instead.',
    );
  return parsed.data;
}

function toSaved(id: string, input: ExternalNodeInput, hasApiKey: boolean): Saved {
  return {
    id,
    name: input.name,
    baseUrl: input.baseUrl.replace(/\/+$/, ''),
    model: input.model,
    contextSize: input.contextSize ?? 4_096,
    concurrency: input.concurrency ?? 4,
    share: input.share ?? true,
    hasApiKey,
  };
}
