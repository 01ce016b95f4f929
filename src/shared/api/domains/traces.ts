/**
 * The traces channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`).
 */

export const tracesRequests = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface TracesEvents {}

export const tracesEventNames = [] as const satisfies readonly (keyof TracesEvents)[];
