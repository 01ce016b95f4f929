import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { app, BrowserWindow } from 'electron';
import { createHost, type Host } from './host/createHost';
import { consoleLogger } from './host/logger';
import { IpcBridge } from './electron/IpcBridge';
import { builtRendererFile, createMainWindow } from './electron/mainWindow';
import { setupMenu } from './electron/menu';
import { electronSqliteBinding } from './electron/nativeBinding';
import { safeStorageKeyring } from './electron/safeStorageKeyring';
import { safeStorageKeyVault } from './electron/safeStorageKeyVault';
import { setupSecurity } from './electron/security';

/**
 * The desktop app's composition root: one host on the user's data folder, one IPC
 * bridge, hardened windows. Everything else lives in services shared with `maily serve`.
 */
const mainDir = fileURLToPath(new URL('.', import.meta.url));
const rendererFile = builtRendererFile(mainDir);
const devServerUrl = process.env.ELECTRON_RENDERER_URL ?? null;

function isTrustedUrl(url: string): boolean {
  if (devServerUrl && url.startsWith(devServerUrl)) return true;
  return url.split('#')[0] === pathToFileURL(rendererFile).href;
}

function openWindow(): BrowserWindow {
  return createMainWindow({
    preload: join(mainDir, '../preload/index.cjs'),
    rendererUrl: devServerUrl,
    rendererFile,
    stateFile: join(app.getPath('userData'), 'window-state.json'),
  });
}

function start(): void {
  // Chromium hides this machine's addresses behind mDNS names in WebRTC unless media
  // permission is granted (we grant none). Teammates on a LAN need the real addresses
  // to reach each other without any server; room traffic is encrypted end to end anyway.
  app.commandLine.appendSwitch('disable-features', 'WebRtcHideLocalIpsWithMdns');
  let host: Host | null = null;
  let bridge: IpcBridge | null = null;
  app.on('second-instance', () => {
    const window = BrowserWindow.getAllWindows()[0];
    if (window?.isMinimized()) window.restore();
    window?.focus();
  });
  app.whenReady().then(
    () => {
      setupSecurity(isTrustedUrl);
      const appRoot = app.isPackaged ? process.resourcesPath : app.getAppPath();
      host = createHost({
        dataDir: join(app.getPath('userData'), 'data'),
        kind: 'desktop',
        version: app.getVersion(),
        nativeBinding: electronSqliteBinding(appRoot),
        keyring: safeStorageKeyring(join(app.getPath('userData'), 'secret-key.bin')),
        keyVault: safeStorageKeyVault(join(app.getPath('userData'), 'signing-key.json')),
        log: consoleLogger,
      });
      bridge = new IpcBridge(host, isTrustedUrl);
      setupMenu(() => BrowserWindow.getFocusedWindow());
      app.on('maily:new-window' as never, () => openWindow());
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    },
    (error: unknown) => {
      consoleLogger.error('Maily could not start', error);
      app.exit(1);
    },
  );
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('will-quit', () => {
    bridge?.dispose();
    void host?.dispose();
  });
}

if (app.requestSingleInstanceLock()) start();
else app.quit();
