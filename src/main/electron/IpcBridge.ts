import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Host, HostSession } from '../host/createHost';
import { ErrorCode } from '../../shared/errors';
import { IPC_EVENT, IPC_INVOKE } from '../../shared/api/ipc';

/**
 * The only code that touches `ipcMain`. Each window gets its own host session; a call
 * from any frame that is not our own renderer's main frame is refused.
 */
export class IpcBridge {
  private readonly sessions = new Map<number, HostSession>();

  constructor(
    private readonly host: Host,
    private readonly isTrustedUrl: (url: string) => boolean,
  ) {
    ipcMain.handle(IPC_INVOKE, (event, channel: unknown, input: unknown) => this.invoke(event, channel, input));
  }

  private invoke(event: IpcMainInvokeEvent, channel: unknown, input: unknown) {
    const frame = event.senderFrame;
    if (!frame || frame !== event.sender.mainFrame || !this.isTrustedUrl(frame.url)) {
      return { ok: false, error: { code: ErrorCode.Unauthorized, message: 'This window may not call Maily.' } };
    }
    return this.sessionFor(event.sender).call(channel, input);
  }

  private sessionFor(contents: WebContents): HostSession {
    const existing = this.sessions.get(contents.id);
    if (existing) return existing;
    const session = this.host.openSession((name, payload) => {
      if (!contents.isDestroyed()) contents.send(IPC_EVENT, name, payload);
    });
    this.sessions.set(contents.id, session);
    const forget = () => {
      session.close();
      this.sessions.delete(contents.id);
    };
    contents.once('destroyed', forget);
    contents.on('did-start-navigation', (_e, _url, isInPlace, isMainFrame) => {
      // A reload starts a fresh renderer: it must not inherit the old one's open documents.
      if (isMainFrame && !isInPlace) forget();
    });
    return session;
  }

  dispose(): void {
    ipcMain.removeHandler(IPC_INVOKE);
    for (const session of this.sessions.values()) session.close();
    this.sessions.clear();
  }
}
