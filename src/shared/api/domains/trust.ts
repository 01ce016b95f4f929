/**
 * The trust channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`).
 */

export const trustRequests = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TrustEvents {}

export const trustEventNames = [] as const satisfies readonly (keyof TrustEvents)[];
