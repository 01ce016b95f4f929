import { join } from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { loadWindowState, trackWindowState } from './windowState';

export interface MainWindowOptions {
  preload: string;
  /** The dev server URL in development, else the built index.html. */
  rendererUrl: string | null;
  rendererFile: string;
  stateFile: string;
}

/** Creates the main window with secure defaults and its last size and position. */
export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = loadWindowState(
    options.stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  const window = new BrowserWindow({
    ...(state.x >= 0 && state.y >= 0 ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Maily',
    backgroundColor: '#f7f7fb',
    webPreferences: {
      preload: options.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      spellcheck: true,
    },
  });
  if (state.maximized) window.maximize();
  trackWindowState(window, options.stateFile);
  window.once('ready-to-show', () => window.show());
  if (options.rendererUrl) void window.loadURL(options.rendererUrl);
  else void window.loadFile(options.rendererFile);
  return window;
}

/** Where electron-vite puts the built renderer, relative to the built main bundle. */
export function builtRendererFile(mainDir: string): string {
  return join(mainDir, '../renderer/index.html');
}
