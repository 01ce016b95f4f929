import { createApiClient, type MailyApi, type WireApi } from '../../shared/api/client';
import { alwaysOpen, type Connection } from './transport/connection';
import { WebSocketTransport } from './transport/WebSocketTransport';

declare global {
  interface Window {
    /** Set by the Electron preload; absent when the renderer is served by `maily serve`. */
    maily?: WireApi;
  }
}

export interface Backend {
  api: MailyApi;
  connection: Connection;
}

/**
 * Picks the transport once at start-up: the preload's API in the desktop app, else a
 * WebSocket to the headless host that served this page (the token is in the URL
 * fragment it printed). Nothing below this file knows which one it got.
 */
export function connectBackend(): Backend | { error: string } {
  if (window.maily) return { api: createApiClient(window.maily), connection: alwaysOpen };
  const token = new URLSearchParams(location.hash.slice(1)).get('token') ?? sessionStorage.getItem('maily.token');
  if (!token) {
    return { error: 'This page needs the address that `maily serve` printed, including its #token=… part.' };
  }
  // Kept for this tab only, so a reload after the fragment is lost still connects.
  sessionStorage.setItem('maily.token', token);
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  const transport = new WebSocketTransport(`${scheme}://${location.host}/ws?token=${encodeURIComponent(token)}`);
  return { api: createApiClient(transport.wire), connection: transport };
}
