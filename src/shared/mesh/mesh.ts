import { z } from 'zod';
import type { LlmState } from '../ai/llm';

/**
 * The AI mesh as the renderer sees it: this machine's node, the teammates' desktops
 * reached over libp2p, and external OpenAI-compatible servers, each with what the
 * scheduler knows of it. Types only; the networking is in `src/main/services/mesh`.
 */

/** Where a node runs. */
export type MeshNodeKind = 'local' | 'peer' | 'external';

/** How the mesh reaches a node right now. */
export type MeshNodeState = 'ready' | 'connecting' | 'busy' | 'unreachable' | 'error';

/** A peer's circuit breaker: `open` gets no jobs until it has cooled down. */
export type MeshHealth = 'closed' | 'open' | 'half-open';

export interface MeshNodeView {
  /** `local`, a libp2p peer id, or `ext-…` for an external server. */
  id: string;
  /** The designer's name for a teammate's desktop, the name given to an external server. */
  name: string;
  kind: MeshNodeKind;
  state: MeshNodeState;
  /** Models the node can run now, with their context sizes. */
  models: { id: string; contextSize: number }[];
  slots: number;
  running: number;
  queued: number;
  /** Tokens per second of one job (measured by the node, or learned by the scheduler). */
  tokensPerSecond: number | null;
  /** Last measured round trip; 0 for the local node, null when unknown. */
  roundTripMs: number | null;
  health: MeshHealth;
  /** Jobs this machine sent to the node since start. */
  jobsServed: number;
  /** Multiaddrs (peers) or the base URL (external servers). */
  addresses: string[];
  /** When the node was last heard from, ms since the epoch. */
  lastSeen: number | null;
  /** What went wrong last, written for the designer. */
  error: string | null;
}

export type MeshState = 'off' | 'starting' | 'running' | 'error';

export interface MeshStatus {
  state: MeshState;
  /** The team whose secret keys the private network; null when the mesh is off. */
  teamId: string | null;
  /** This machine's libp2p peer id. */
  peerId: string | null;
  /** Addresses teammates can dial (also put into invites). */
  listen: string[];
  nodes: MeshNodeView[];
  /** Why the mesh is not running, written for the designer. */
  error: string | null;
}

/** Settings of the mesh, stored per machine. */
export const meshSettingsSchema = z.object({
  /** The team whose desktops pool their nodes; null turns the mesh off. */
  teamId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/, 'Not a valid team id')
    .nullable(),
  /** TCP port to listen on (0 = any free port). */
  port: z.number().int().min(0).max(65_535).optional(),
  /** Address to listen on. Defaults to 0.0.0.0 (the LAN). */
  host: z.string().max(255).optional(),
  /** Find teammates on the LAN by mDNS. Defaults to true. */
  mdns: z.boolean().optional(),
  /** Let teammates' jobs run on this machine's node. Defaults to true. */
  share: z.boolean().optional(),
});
export type MeshSettings = z.infer<typeof meshSettingsSchema>;

/** An OpenAI-compatible server added as a node (Ollama, llama.cpp server, vLLM). */
export const externalNodeInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the server a name').max(80, 'Use at most 80 characters'),
  baseUrl: z
    .string()
    .trim()
    .url('Enter the server address, such as http://gpu-box:11434/v1')
    .max(2_048)
    .refine((u) => /^https?:\/\//i.test(u), 'Use an http:// or https:// address'),
  model: z.string().trim().min(1, 'Name the model the server runs').max(255),
  /** Sent as a bearer token; stored encrypted, never shown again. Empty = none. */
  apiKey: z.string().max(4_096).optional(),
  /** Context size the model was started with. Defaults to 4096. */
  contextSize: z.number().int().min(128).max(1_048_576).optional(),
  /** Jobs sent at once. Defaults to 4. */
  concurrency: z.number().int().min(1).max(64).optional(),
  /** Share it with the team's mesh (teammates' jobs may go to it through this machine). Defaults to true. */
  share: z.boolean().optional(),
});
export type ExternalNodeInput = z.infer<typeof externalNodeInputSchema>;

/** An external server as listed: the key is never returned, only whether one is set. */
export interface ExternalNodeView {
  id: string;
  name: string;
  baseUrl: string;
  model: string;
  contextSize: number;
  concurrency: number;
  share: boolean;
  hasApiKey: boolean;
  /** The node's state: `loading` while Maily first asks the server, `ready`, or `error` with what to do. */
  state: LlmState;
  error: string | null;
}
