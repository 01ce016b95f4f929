import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { MailyApi } from '../../../../shared/api/client';
import type { RenderedEmail } from '../../../../shared/api/dto';
import { emailsMap } from '../../../../shared/email/emailDoc';
import { nodesMap } from '../../../../shared/journey/ydoc';
import { describeError } from '../describeError';
import { observeEntry } from '../useEmailBody';
import { PreviewScheduler } from './PreviewScheduler';
import type { Sample } from './sampleData';

export interface PreviewState {
  rendered: RenderedEmail | null;
  /** Why the last render failed (the last good one stays shown). */
  error: string | null;
  busy: boolean;
  /** When the last edit shown by `rendered` was made (performance.now), for measuring refresh. */
  editAt: number | null;
  retry: () => void;
}

function same(a: RenderedEmail | null, b: RenderedEmail): boolean {
  return (
    !!a &&
    a.html === b.html &&
    a.subject === b.subject &&
    a.preheader === b.preheader &&
    a.text === b.text &&
    JSON.stringify(a.errors) === JSON.stringify(b.errors)
  );
}

/**
 * The host's rendering of the email with `sample`, refreshed after every change to its
 * body or its Email node (here or from a peer) and whenever the sample changes.
 */
export function usePreview(
  api: MailyApi,
  doc: Y.Doc,
  campaignId: string,
  emailId: string,
  sample: Sample,
): PreviewState {
  const [state, setState] = useState<Omit<PreviewState, 'retry'>>({
    rendered: null,
    error: null,
    busy: false,
    editAt: null,
  });
  const sampleRef = useRef(sample);
  const scheduler = useRef<PreviewScheduler<RenderedEmail> | null>(null);

  useEffect(() => {
    const next = new PreviewScheduler<RenderedEmail>({
      render: async () => {
        const start = performance.now();
        const rendered = await api.email.render({ campaignId, emailId, sample: sampleRef.current });
        performance.measure('maily:email-render', { start });
        return rendered;
      },
      onResult: (rendered, editAt) =>
        setState((s) => (same(s.rendered, rendered) ? { ...s, error: null } : { ...s, rendered, editAt, error: null })),
      onError: (error) => setState((s) => ({ ...s, error: describeError(error, 'Rendering the preview') })),
      onBusy: (busy) => setState((s) => (s.busy === busy ? s : { ...s, busy })),
    });
    scheduler.current = next;
    const stops = [
      observeEntry(emailsMap(doc), emailId, () => next.changed()),
      observeEntry(nodesMap(doc), emailId, () => next.changed()),
    ];
    // Not at once: an Email node created a moment ago may not have reached the host yet.
    next.changed(false);
    return () => {
      for (const stop of stops) stop();
      next.dispose();
      scheduler.current = null;
    };
  }, [api, doc, campaignId, emailId]);

  useEffect(() => {
    if (sampleRef.current === sample) return;
    sampleRef.current = sample;
    scheduler.current?.refresh();
  }, [sample]);

  return { ...state, retry: () => scheduler.current?.refresh() };
}
