import { z } from 'zod';
import {
  externalNodeInputSchema,
  meshSettingsSchema,
  type ExternalNodeView,
  type MeshSettings,
  type MeshStatus,
} from '../../mesh/mesh';
import { id, request, returns } from '../define';

/**
 * The mesh channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`).
 */

/** A libp2p multiaddr a designer pastes, such as `/ip4/192.168.1.20/tcp/4455/p2p/12D3Koo…`. */
const multiaddr = z
  .string()
  .trim()
  .min(1, 'Paste a peer address')
  .max(1_024, 'This is not a peer address')
  .regex(/^\/(ip4|ip6|dns4|dns6|dns)\//, 'A peer address starts with /ip4/, /ip6/ or /dns/');

export const meshRequests = {
  'mesh:status': request(z.object({}), returns<MeshStatus>()),
  'mesh:getSettings': request(z.object({}), returns<MeshSettings>()),
  'mesh:configure': request(meshSettingsSchema, returns<MeshStatus>()),
  'mesh:dial': request(z.object({ address: multiaddr }), returns<MeshStatus>()),
  'mesh:externalList': request(z.object({}), returns<ExternalNodeView[]>()),
  'mesh:externalAdd': request(externalNodeInputSchema, returns<ExternalNodeView>()),
  'mesh:externalUpdate': request(externalNodeInputSchema.extend({ id }), returns<ExternalNodeView>()),
  'mesh:externalRemove': request(z.object({ id }), returns<{ id: string }>()),
} as const;

export interface MeshEvents {
  /** A node joined, left, or its load, round trip or health changed (throttled). */
  'mesh:changed': MeshStatus;
  /** The list of external servers changed. */
  'mesh:externalChanged': { id: string };
}

export const meshEventNames = ['mesh:changed', 'mesh:externalChanged'] as const satisfies readonly (keyof MeshEvents)[];
