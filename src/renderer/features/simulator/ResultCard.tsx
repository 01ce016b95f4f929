import type { SimulationResult } from '../../../shared/simulator';
import { formatWhen } from './dateTime';
import { outcomeLabels, portLabel, type PortLabels } from './describeRun';

interface ResultCardProps {
  run: SimulationResult;
  name: string;
  labels: PortLabels;
  focused: boolean;
  onFocus: () => void;
}

function When({ ms, zone }: { ms: number; zone: string }) {
  return (
    <time className="sim-time" dateTime={new Date(ms).toISOString()}>
      {formatWhen(ms, zone)}
    </time>
  );
}

function Steps({ run, name, labels }: { run: SimulationResult; name: string; labels: PortLabels }) {
  if (run.steps.length === 0) return null;
  return (
    <ol className="sim-steps" aria-label={`Steps of ${name}`}>
      {run.steps.map((step, i) => {
        const port = portLabel(labels, step.nodeId, step.port);
        return (
          <li key={i}>
            <When ms={step.enteredAt} zone={run.timezone} />
            <span className="sim-step">
              {step.name}
              {port && <span className="sim-port"> → {port}</span>}
            </span>
            <span className="sim-why">{step.reason}</span>
          </li>
        );
      })}
    </ol>
  );
}

function Emails({ run, name }: { run: SimulationResult; name: string }) {
  if (run.emails.length === 0) return <p className="sim-muted">{name} would receive no email.</p>;
  return (
    <>
      <h4>
        {run.emails.length === 1 ? '1 email' : `${run.emails.length} emails`} {name} would receive
      </h4>
      <ul className="sim-emails" aria-label={`Emails ${name} would receive`}>
        {run.emails.map((email, i) => (
          <li key={i}>
            <When ms={email.at} zone={run.timezone} />
            <span className="sim-subject">{email.subject || '(no subject)'}</span>
            {email.missing.length > 0 && (
              <span className="sim-warning">No value for {email.missing.join(', ')}; shown empty.</span>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/** One contact's run: how it ended and why, its steps, and the emails it would get. */
export function ResultCard({ run, name, labels, focused, onFocus }: ResultCardProps) {
  return (
    <article
      className={focused ? 'sim-result is-focused' : 'sim-result'}
      aria-label={`Result for ${name}`}
      data-outcome={run.outcome}
      onClick={onFocus}
    >
      <header className="sim-result__head">
        <h3>{name}</h3>
        <button
          type="button"
          aria-pressed={focused}
          onClick={(e) => {
            e.stopPropagation();
            onFocus();
          }}
        >
          Show on canvas
        </button>
      </header>
      <p className={`sim-outcome sim-outcome--${run.outcome}`}>{outcomeLabels[run.outcome]}</p>
      <p className="sim-why">{run.outcomeReason}</p>
      <p className="sim-muted">Times in {run.timezone}.</p>
      <Steps run={run} name={name} labels={labels} />
      <Emails run={run} name={name} />
    </article>
  );
}
