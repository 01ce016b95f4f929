import type { MailyApi } from '../../../shared/api/client';
import { messageOf } from '../../../shared/errors';
import type { CanvasTrustFeed, TrustBadgeView } from '../../../shared/trust/canvasTrust';
import type { CampaignTrust, EmailTrust } from '../../../shared/trust/types';
import { badgesOf } from './badges';

/** What the store knows about a campaign's certificates. */
export interface TrustSnapshot {
  trust: CampaignTrust | null;
  badges: ReadonlyMap<string, TrustBadgeView>;
  /** Why the last refresh failed, written for the designer; null when it worked. */
  error: string | null;
}

/**
 * A campaign's badges, fetched with `trust:campaignStatus` and refreshed (debounced)
 * whenever the caller says something changed. It is the canvas's trust feed; `open` is
 * forwarded to whoever shows the certificates.
 */
export class TrustStatusStore implements CanvasTrustFeed {
  private snapshot: TrustSnapshot = { trust: null, badges: new Map(), error: null };
  private readonly listeners = new Set<() => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private generation = 0;
  private stopped = true;

  constructor(
    private readonly api: MailyApi,
    private readonly campaignId: string,
    private readonly onOpen: (emailId: string) => void,
  ) {}

  get(): ReadonlyMap<string, TrustBadgeView> {
    return this.snapshot.badges;
  }

  current(): TrustSnapshot {
    return this.snapshot;
  }

  email(emailId: string): EmailTrust | null {
    return this.snapshot.trust?.emails[emailId] ?? null;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  open(emailId: string): void {
    this.onOpen(emailId);
  }

  /** Refreshes after `delayMs`; a later call within the delay replaces this one. */
  schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.refresh();
    }, delayMs);
  }

  async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const trust = await this.api.trust.campaignStatus({ campaignId: this.campaignId });
      if (generation === this.generation) this.set({ trust, badges: badgesOf(trust.emails), error: null });
    } catch (error) {
      if (generation === this.generation) this.set({ ...this.snapshot, error: messageOf(error) });
    }
  }

  /** Starts answering `schedule` (and refreshes at once). */
  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  /** Stops refreshing: a pending refresh is dropped and a running one's answer ignored. */
  stop(): void {
    this.stopped = true;
    this.generation++;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private set(next: TrustSnapshot): void {
    if (this.stopped) return;
    this.snapshot = next;
    for (const listener of this.listeners) listener();
  }
}
