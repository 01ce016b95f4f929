/** The two IPC channels the Electron transport uses; every request is multiplexed over them. */
export const IPC_INVOKE = 'maily:invoke';
export const IPC_EVENT = 'maily:event';
