import type { IceServer } from '../../../shared/collab/team';

/** One ICE server per line: `turn:host:3478 username credential` or just `stun:host:3478`. */
export function parseIceLines(text: string): IceServer[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [urls, username, credential] = line.split(/\s+/);
      return { urls: urls!, ...(username ? { username } : {}), ...(credential ? { credential } : {}) };
    });
}

export function formatIceLines(servers: readonly IceServer[]): string {
  return servers
    .map((s) => [Array.isArray(s.urls) ? s.urls[0] : s.urls, s.username, s.credential].filter(Boolean).join(' '))
    .join('\n');
}

/** One address per line, blank lines ignored. */
export function parseLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
}
