import type { TrustBadgeView } from '../../../shared/trust/canvasTrust';

/** A certificate badge as the email editor's header shows it; the tooltip and accessible name say it all. */
export function TrustBadge({ badge, error }: { badge: TrustBadgeView | null; error: string | null }) {
  if (!badge && error)
    return (
      <span className="trust-badge" data-trust-tone="error" role="status" title={error}>
        Certificates unavailable: {error}
      </span>
    );
  if (!badge)
    return (
      <span className="trust-badge" data-trust-tone="loading">
        Checking…
      </span>
    );
  return (
    <span
      className={`trust-badge trust-badge--${badge.tone}`}
      data-trust-tone={badge.tone}
      role="status"
      aria-label={`Trust: ${badge.description}`}
      title={badge.description}
    >
      {badge.text}
    </span>
  );
}
