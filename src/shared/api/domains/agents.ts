/**
 * The agents channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`).
 */

export const agentsRequests = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AgentsEvents {}

export const agentsEventNames = [] as const satisfies readonly (keyof AgentsEvents)[];
