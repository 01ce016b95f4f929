import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { createWireApi, type EventListener } from '../shared/api/client';
import { isEventName } from '../shared/api/contract';
import { IPC_EVENT, IPC_INVOKE } from '../shared/api/ipc';

/**
 * Exposes the contract's named domain API as `window.maily` — and nothing else. The
 * renderer never sees `ipcRenderer`; every request goes through one validated channel.
 */
const wire = createWireApi(
  (channel, input) => ipcRenderer.invoke(IPC_INVOKE, channel, input),
  (listener: EventListener) => {
    const handle = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (isEventName(name)) listener(name, payload);
    };
    ipcRenderer.on(IPC_EVENT, handle);
    return () => ipcRenderer.removeListener(IPC_EVENT, handle);
  },
);

contextBridge.exposeInMainWorld('maily', wire);
