import { useState, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { CertificateDialog } from './CertificateDialog';
import { emailLabelOf } from './emailLabel';
import { SignDialog } from './SignDialog';
import { TrustBadge } from './TrustBadge';
import type { TrustStatusStore } from './TrustStatusStore';

interface EmailTrustBarProps {
  store: TrustStatusStore;
  doc: Y.Doc;
  campaignId: string;
  emailId: string;
  readOnly: boolean;
}

/** The email editor's trust part: the badge, "Sign…" and "Certificate…". */
export function EmailTrustBar({ store, doc, campaignId, emailId, readOnly }: EmailTrustBarProps) {
  const snapshot = useSyncExternalStore(
    (cb) => store.subscribe(cb),
    () => store.current(),
  );
  const [open, setOpen] = useState<'sign' | 'certificates' | null>(null);
  const label = emailLabelOf(doc, emailId);
  const close = () => setOpen(null);
  return (
    <div className="trust-bar" role="group" aria-label="Trust">
      <TrustBadge badge={snapshot.badges.get(emailId) ?? null} error={snapshot.error} />
      <button
        type="button"
        disabled={readOnly}
        title="Sign this version with your key or wallet"
        onClick={() => setOpen('sign')}
      >
        Sign…
      </button>
      <button type="button" title="This email's certificates" onClick={() => setOpen('certificates')}>
        Certificate…
      </button>
      {open === 'sign' && (
        <SignDialog
          campaignId={campaignId}
          emailId={emailId}
          emailLabel={label}
          onClose={() => {
            close();
            store.schedule(0);
          }}
        />
      )}
      {open === 'certificates' && (
        <CertificateDialog
          campaignId={campaignId}
          emailId={emailId}
          emailLabel={label}
          readOnly={readOnly}
          onClose={close}
          onSign={() => setOpen('sign')}
        />
      )}
    </div>
  );
}
