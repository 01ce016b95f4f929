/**
 * When to ask the host for a new preview. The host renders from its own copy of the
 * campaign, which the document session sends every local edit to in batches of up to
 * 40 ms (`CampaignDocSession`). A render asked for `delay` ms after the last edit is
 * sent after that batch, on the same ordered connection, so it sees the edit; a second
 * "confirming" render `confirmDelay` ms later catches an edit that reached the host late
 * (a slow disk, a reconnect) — the pane ignores it when the HTML is unchanged. Only one
 * render is in flight: edits during it queue one more.
 */

export interface PreviewSchedulerOptions<T> {
  render: () => Promise<T>;
  /** A render finished; `editAt` is the time of the last edit it includes (null: none). */
  onResult: (result: T, editAt: number | null) => void;
  onError: (error: unknown) => void;
  onBusy: (busy: boolean) => void;
  /** Defaults to 50 ms: just past the document session's 40 ms batch. */
  delay?: number;
  /** Defaults to 500 ms. */
  confirmDelay?: number;
  /** Defaults to `performance.now`. */
  now?: () => number;
}

export class PreviewScheduler<T> {
  private timer: ReturnType<typeof setTimeout> | null = null;
  private confirmTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight = false;
  private again = false;
  private lastEditAt: number | null = null;
  private disposed = false;

  constructor(private readonly options: PreviewSchedulerOptions<T>) {}

  /**
   * The email changed (here or elsewhere): render soon, and once more a little later.
   * `edit` false: nothing was typed (the editor just opened), so nothing is measured.
   */
  changed(edit = true): void {
    if (edit) this.lastEditAt = this.now();
    this.schedule('timer', this.options.delay ?? 50);
    this.schedule('confirmTimer', this.options.confirmDelay ?? 500);
  }

  /** Something other than the email changed (the sample data): render now. */
  refresh(): void {
    this.clear('timer');
    void this.run();
  }

  dispose(): void {
    this.disposed = true;
    this.clear('timer');
    this.clear('confirmTimer');
  }

  private now(): number {
    return (this.options.now ?? (() => performance.now()))();
  }

  private schedule(which: 'timer' | 'confirmTimer', ms: number): void {
    this.clear(which);
    this[which] = setTimeout(() => {
      this[which] = null;
      void this.run();
    }, ms);
  }

  private clear(which: 'timer' | 'confirmTimer'): void {
    if (this[which] !== null) clearTimeout(this[which]);
    this[which] = null;
  }

  private async run(): Promise<void> {
    if (this.disposed) return;
    if (this.inFlight) return void (this.again = true);
    this.inFlight = true;
    this.options.onBusy(true);
    const editAt = this.lastEditAt;
    try {
      const result = await this.options.render();
      if (!this.disposed) this.options.onResult(result, editAt);
    } catch (error) {
      if (!this.disposed) this.options.onError(error);
    } finally {
      this.inFlight = false;
      if (!this.disposed && !this.again) this.options.onBusy(false);
    }
    if (this.again && !this.disposed) {
      this.again = false;
      await this.run();
    }
  }
}
