/**
 * The wallet channels and events of the contract (spread into `requests`, `EventPayloads`
 * and `eventNames` in `../contract.ts`).
 */

export const walletRequests = {} as const;

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WalletEvents {}

export const walletEventNames = [] as const satisfies readonly (keyof WalletEvents)[];
