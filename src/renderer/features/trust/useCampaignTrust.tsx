import { useEffect, useState, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { CanvasTrustFeed } from '../../../shared/trust/canvasTrust';
import { useApi } from '../../app/BackendContext';
import { CertificateDialog } from './CertificateDialog';
import { emailLabelOf } from './emailLabel';
import { EmailTrustBar } from './EmailTrustBar';
import { TrustStatusStore } from './TrustStatusStore';

/** After an edit, how long the badges wait for the typing to stop before asking again. */
const editDebounceMs = 700;

export interface CampaignTrustUi {
  /** The canvas's Trust layer feed. */
  canvas: CanvasTrustFeed;
  /** The email editor header's part for `emailId`. */
  emailHeader: (emailId: string) => ReactNode;
  /** The certificates of the email whose canvas badge was pressed, while open. */
  panel: ReactNode;
}

/**
 * The trust parts of an open campaign, ready for the campaign screen to place: badges
 * from `trust:campaignStatus`, asked again on `trust:changed`, after each save of an edit
 * (`savedAt`, so the host has the content the badge describes) and, debounced, on any
 * update of the doc.
 */
export function useCampaignTrust(
  campaignId: string,
  doc: Y.Doc | null,
  readOnly: boolean,
  savedAt: number | null,
): CampaignTrustUi {
  const api = useApi();
  const [opened, setOpened] = useState<string | null>(null);
  const [store] = useState(() => new TrustStatusStore(api, campaignId, setOpened));
  useEffect(() => {
    store.start();
    const off = api.on('trust:changed', (p) => p.campaignId === campaignId && store.schedule(0));
    return () => {
      off();
      store.stop();
    };
  }, [api, campaignId, store]);
  useEffect(() => {
    if (!doc) return;
    const onUpdate = () => store.schedule(editDebounceMs);
    doc.on('update', onUpdate);
    return () => doc.off('update', onUpdate);
  }, [doc, store]);
  useEffect(() => {
    if (savedAt !== null) store.schedule(150);
  }, [savedAt, store]);

  const emailHeader = (emailId: string) =>
    doc ? (
      <EmailTrustBar store={store} doc={doc} campaignId={campaignId} emailId={emailId} readOnly={readOnly} />
    ) : null;
  const panel =
    opened && doc ? (
      <CertificateDialog
        campaignId={campaignId}
        emailId={opened}
        emailLabel={emailLabelOf(doc, opened)}
        readOnly={readOnly}
        onClose={() => setOpened(null)}
      />
    ) : null;
  return { canvas: store, emailHeader, panel };
}
