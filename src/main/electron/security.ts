import { app, session, shell } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../host/staticFiles';

/**
 * Hardens every web contents the app creates: a strict CSP on every response, no
 * navigation away from our renderer, no new windows (http links open in the browser),
 * no webviews, and no permissions granted.
 */
export function setupSecurity(isTrustedUrl: (url: string) => boolean): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (!isTrustedUrl(url)) event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(({ url }) => {
      if (/^https?:\/\//i.test(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });
}
