interface StatsPeer {
  getStats(callback: (error: Error | null, reports: RTCStats[]) => void): void;
}

type PairStats = RTCStats & { state?: string; nominated?: boolean; currentRoundTripTime?: number };

/**
 * The current round trip of a simple-peer connection's data channel in ms, from the
 * selected ICE candidate pair's WebRTC stats; null when the browser has none yet.
 */
export function readRtt(peer: StatsPeer): Promise<number | null> {
  return new Promise((resolve) => {
    try {
      peer.getStats((error, reports) => {
        if (error) return resolve(null);
        const pairs = reports.filter((r) => r.type === 'candidate-pair') as PairStats[];
        const active =
          pairs.find((p) => p.state === 'succeeded' && p.nominated) ?? pairs.find((p) => p.state === 'succeeded');
        const seconds = active?.currentRoundTripTime;
        resolve(typeof seconds === 'number' && Number.isFinite(seconds) ? Math.round(seconds * 10_000) / 10 : null);
      });
    } catch {
      resolve(null); // the connection closed while we asked: no number this time
    }
  });
}
