/**
 * The chain channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`).
 */

export const chainRequests = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ChainEvents {}

export const chainEventNames = [] as const satisfies readonly (keyof ChainEvents)[];
