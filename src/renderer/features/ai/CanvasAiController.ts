import type { MailyApi } from '../../../shared/api/client';
import { emptyCanvasAi, type CanvasAiFeed, type CanvasAiState } from '../../../shared/ai/canvasAi';
import type { AiAction } from '../../../shared/ai/actions';
import { messageOf } from '../../../shared/errors';

/**
 * {@link CanvasAiFeed} over the contract for one campaign: one journey action at a time,
 * its text streaming into `running`, its result becoming the ghost step or the findings.
 */
export class CanvasAiController implements CanvasAiFeed {
  #state: CanvasAiState = emptyCanvasAi;
  #job: string | null = null;
  /** Stop was pressed before the host answered with the job's id. */
  #stopRequested = false;
  readonly #listeners = new Set<() => void>();
  readonly #offs: (() => void)[];

  constructor(
    private readonly api: MailyApi,
    private readonly campaignId: string,
  ) {
    this.#offs = [
      api.on('ai:progress', (p) => {
        const running = this.#state.running;
        if (p.jobId === this.#job && running) this.#set({ running: { ...running, text: running.text + p.delta } });
      }),
      api.on('ai:done', (p) => {
        if (p.jobId !== this.#job) return;
        this.#job = null;
        const result = p.result;
        this.#set({
          running: null,
          stopped: p.stopped,
          sources: p.sources,
          ghost: result.kind === 'nextStep' && result.suggestion.label ? result.suggestion : null,
          findings: result.kind === 'reviewJourney' ? result.findings : [],
          error:
            result.kind === 'nextStep' && !result.suggestion.label && !p.stopped
              ? 'The AI gave no usable step. Try again, or try a larger model.'
              : null,
        });
      }),
      api.on('ai:failed', (p) => {
        if (p.jobId !== this.#job) return;
        this.#job = null;
        this.#set({ running: null, error: p.error.message });
      }),
    ];
  }

  get = (): CanvasAiState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  suggestNext(afterNodeId: string | null): void {
    this.#start({ kind: 'nextStep', campaignId: this.campaignId, ...(afterNodeId ? { afterNodeId } : {}) });
  }

  review(): void {
    this.#start({ kind: 'reviewJourney', campaignId: this.campaignId });
  }

  stop(): void {
    if (this.#job) void this.api.ai.cancel({ jobId: this.#job }).catch(() => undefined);
    else if (this.#state.running) this.#stopRequested = true;
  }

  acceptGhost(): void {
    const ghost = this.#state.ghost;
    if (ghost) {
      void this.api.memory
        .add({
          kind: 'acceptedSuggestion',
          title: `Accepted step: ${ghost.label}`,
          text: `${ghost.label}: ${ghost.reason}`,
        })
        .catch(() => undefined); // memory is a help; the step is already on the canvas
    }
    this.#set({ ghost: null });
  }

  dismiss(): void {
    this.#set({ ghost: null, findings: [], error: null, stopped: false });
  }

  dispose(): void {
    this.stop();
    this.#offs.forEach((off) => off());
    this.#listeners.clear();
  }

  #start(action: Extract<AiAction, { kind: 'nextStep' | 'reviewJourney' }>): void {
    this.stop();
    this.#stopRequested = false;
    this.#set({ ...emptyCanvasAi, running: { kind: action.kind, text: '' } });
    this.api.ai.run({ action }).then(
      ({ jobId }) => {
        this.#job = jobId;
        if (this.#stopRequested) this.stop();
      },
      (error: unknown) =>
        this.#set({
          running: null,
          error: messageOf(error, 'The AI could not start. Try again.'),
        }),
    );
  }

  #set(patch: Partial<CanvasAiState>): void {
    this.#state = { ...this.#state, ...patch };
    for (const listener of [...this.#listeners]) listener();
  }
}
