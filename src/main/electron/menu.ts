import { app, Menu, type BrowserWindow, type MenuItemConstructorOptions } from 'electron';

/**
 * The app menu with the usual shortcuts. Edit shortcuts are shown but not registered as
 * accelerators, so the keys reach the page: the canvas handles Ctrl+Z, Ctrl+C … itself,
 * and text fields keep their native behaviour.
 */
export function setupMenu(getWindow: () => BrowserWindow | null): void {
  const isMac = process.platform === 'darwin';
  const passKey = { registerAccelerator: false } as const;
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [
        { label: 'New Window', accelerator: 'CmdOrCtrl+Shift+N', click: () => app.emit('maily:new-window') },
        { type: 'separator' },
        isMac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo', ...passKey },
        { role: 'redo', ...passKey },
        { type: 'separator' },
        { role: 'cut', ...passKey },
        { role: 'copy', ...passKey },
        { role: 'paste', ...passKey },
        { role: 'delete' },
        { role: 'selectAll', ...passKey },
      ],
    },
    {
      label: 'View',
      submenu: [
        { role: 'reload' },
        { role: 'toggleDevTools' },
        { type: 'separator' },
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [{ role: 'about' }, { label: 'Reload Window', click: () => getWindow()?.webContents.reload() }],
    },
  ];
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
