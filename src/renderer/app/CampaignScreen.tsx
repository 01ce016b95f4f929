import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import { emailAiSlots } from './aiSlots';
import { AgentsPanel, agentsKeyShortcuts, agentsShortcutHint, useAgents, useAgentsPanel } from '../features/agents';
import { useCanvasAi } from '../features/ai';
import { useCollab } from '../features/collab';
import { SaveStatus, useCampaignDoc } from '../features/documents';
import { useCampaignTrust, VerifyButton } from '../features/trust';
import { SimulatorPanel, simulatorKeyShortcuts, simulatorShortcutHint } from '../features/simulator';
import { useVersionsPanel, VersionsPanel, versionsKeyShortcuts, versionsShortcutHint } from '../features/versions';
import { newId } from '../../shared/journey/ydoc';
import { useApi } from './BackendContext';
import { useSimulation } from './useSimulation';

/**
 * The canvas (React Flow, its nodes and inspector) is its own chunk, so the first screen
 * shows without waiting for it.
 */
let canvas: typeof import('../features/canvas') | null = null;
const loadCanvas = () => import('../features/canvas').then((m) => (canvas = m));
// Fetched at start-up, before any document request can keep the host busy.
void loadCanvas();
const LazyJourneyEditor = lazy(() => loadCanvas().then((m) => ({ default: m.JourneyEditor })));
const EmailEditor = lazy(() => import('../features/email').then((m) => ({ default: m.EmailEditor })));

/** One open campaign: its header with the save state, and the journey canvas. */
export function CampaignScreen({ campaignId, onBack }: { campaignId: string; onBack: () => void }) {
  const api = useApi();
  const doc = useCampaignDoc(campaignId);
  const collab = useCollab(campaignId, doc.doc, doc.readOnly);
  const canvasAi = useCanvasAi(campaignId);
  const trust = useCampaignTrust(
    campaignId,
    doc.doc,
    doc.readOnly,
    doc.save.kind === 'saved' ? doc.save.savedAt : null,
  );
  const [name, setName] = useState('');
  useEffect(() => {
    const load = () =>
      api.campaigns.get({ id: campaignId }).then(
        (c) => setName(c.name),
        () => setName(''),
      );
    void load();
    return api.on('campaigns:changed', (p) => p.id === campaignId && void load());
  }, [api, campaignId]);
  const simulation = useSimulation();
  const versions = useVersionsPanel();
  const agentsPanel = useAgentsPanel();
  const agents = useAgents(campaignId);
  // The canvas editor's undo origin, shared with the versions panel so the canvas's undo takes a restore back.
  const [editorOrigin] = useState(() => ({ editor: newId() }));
  // Once loaded (usually before the document arrives), render it directly: no Suspense hold-back.
  const JourneyEditor = canvas?.JourneyEditor ?? LazyJourneyEditor;
  const [editingEmail, setEditingEmail] = useState<string | null>(null);
  const emailAi = useMemo(
    () => (editingEmail ? emailAiSlots(campaignId, editingEmail) : null),
    [campaignId, editingEmail],
  );

  return (
    <main className="campaign-screen" aria-label={`Campaign ${name}`}>
      <header className="campaign-header">
        <button onClick={onBack} aria-label="Back to campaigns">
          ← Campaigns
        </button>
        <h1>{name || 'Campaign'}</h1>
        {doc.status === 'ready' && collab.header}
        {doc.status === 'ready' && <SaveStatus save={doc.save} readOnly={doc.readOnly} />}
        {doc.status === 'ready' && (
          <button
            type="button"
            aria-pressed={simulation.open}
            aria-keyshortcuts={simulatorKeyShortcuts}
            title={`Walk sample contacts through the journey (${simulatorShortcutHint()})`}
            onClick={simulation.toggle}
          >
            Simulate
          </button>
        )}
        {doc.status === 'ready' && (
          <button
            type="button"
            aria-pressed={versions.open}
            aria-keyshortcuts={versionsKeyShortcuts}
            title={`Name, compare and restore versions (${versionsShortcutHint()})`}
            onClick={versions.toggle}
          >
            Versions
          </button>
        )}
        {doc.status === 'ready' && (
          <button
            type="button"
            aria-pressed={agentsPanel.open}
            aria-keyshortcuts={agentsKeyShortcuts}
            title={`Plan and run AI agents that draft emails onto the canvas (${agentsShortcutHint()})`}
            onClick={agentsPanel.toggle}
          >
            Agents
          </button>
        )}
        {doc.status === 'ready' && <VerifyButton />}
      </header>
      {doc.readOnly && doc.problem && (
        <div className="readonly-banner" role="alert">
          {doc.problem}
        </div>
      )}
      {doc.status === 'loading' && <p className="muted centre">Opening campaign…</p>}
      {doc.status === 'failed' && (
        <div className="error-panel" role="alert">
          <p>{doc.problem}</p>
          <button onClick={onBack}>Back to campaigns</button>
        </div>
      )}
      {doc.status === 'ready' && doc.doc && (
        <div className="campaign-body">
          <Suspense fallback={<p className="muted centre">Opening the canvas…</p>}>
            <JourneyEditor
              doc={doc.doc}
              readOnly={doc.readOnly}
              campaignName={name}
              highlight={simulation.highlight}
              onEditEmail={setEditingEmail}
              origin={editorOrigin}
              presence={collab.presence ?? undefined}
              ai={canvasAi ?? undefined}
              trust={trust.canvas}
            />
          </Suspense>
          {editingEmail && (
            <Suspense fallback={null}>
              <EmailEditor
                doc={doc.doc}
                campaignId={campaignId}
                emailId={editingEmail}
                readOnly={doc.readOnly}
                onClose={() => setEditingEmail(null)}
                presence={collab.presence ?? undefined}
                ai={emailAi ?? undefined}
                trust={trust.emailHeader(editingEmail)}
              />
            </Suspense>
          )}
          {simulation.open && (
            <Suspense fallback={<p className="muted">Opening the simulator…</p>}>
              <SimulatorPanel
                doc={doc.doc}
                readOnly={doc.readOnly}
                onResults={simulation.onResults}
                onClose={simulation.close}
              />
            </Suspense>
          )}
          {versions.open && (
            <Suspense fallback={<p className="muted">Opening versions…</p>}>
              <VersionsPanel
                doc={doc.doc}
                campaignId={campaignId}
                origin={editorOrigin}
                readOnly={doc.readOnly}
                saved={doc.save.kind === 'saved'}
                onClose={versions.close}
              />
            </Suspense>
          )}
          {agentsPanel.open && (
            <Suspense fallback={<p className="muted">Opening the agents…</p>}>
              <AgentsPanel session={agents} readOnly={doc.readOnly} onClose={agentsPanel.close} />
            </Suspense>
          )}
          {collab.panel}
          {trust.panel}
        </div>
      )}
    </main>
  );
}
