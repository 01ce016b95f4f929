import { useEffect, useMemo, useState, type ReactNode } from 'react';
import type { TeamView } from '../../../shared/collab/team';
import type { ExternalNodeView, MeshSettings } from '../../../shared/mesh/mesh';
import { messageOf } from '../../../shared/errors';
import { useApi } from '../../app/BackendContext';
import { useModal } from '../../app/useModal';
import { DialPeerForm } from './DialPeerForm';
import { ExternalServers } from './ExternalServers';
import { MeshGraph } from './MeshGraph';
import { meshNodes } from './meshGraph';
import { MeshSettingsForm } from './MeshSettingsForm';
import { useMesh } from './useMesh';

const stateText = { off: 'Off', starting: 'Starting…', running: 'Running', error: 'Error' } as const;

/** The AI mesh: the graph of nodes, its settings, adding a peer by address, and the external servers. */
export function MeshDialog({ onClose, actions }: { onClose: () => void; actions?: ReactNode }) {
  const api = useApi();
  const { dialog, handlers } = useModal(onClose);
  const mesh = useMesh();
  const [teams, setTeams] = useState<TeamView[]>([]);
  const [notice, setNotice] = useState('');
  useEffect(() => {
    const load = () => void api.teams.list({}).then(setTeams, () => setTeams([]));
    load();
    return api.on('teams:changed', load);
  }, [api]);
  const nodes = useMemo(
    () => meshNodes(mesh.status, mesh.externals ?? [], mesh.local),
    [mesh.status, mesh.externals, mesh.local],
  );
  /** Runs a request; says how it went; resolves to whether it worked (never rejects). */
  const act = <T,>(promise: Promise<T>, done: (value: T) => string) =>
    promise.then(
      (value) => {
        setNotice(done(value));
        return true;
      },
      (error: unknown) => {
        setNotice(messageOf(error));
        return false;
      },
    );
  const configure = (settings: MeshSettings) =>
    act(api.mesh.configure(settings), (status) => {
      mesh.setStatus(status);
      mesh.refresh();
      return settings.teamId ? 'Mesh settings saved.' : 'The mesh is off.';
    });
  const remove = (server: ExternalNodeView) => {
    if (!window.confirm(`Remove ${server.name}? Its API key is forgotten too.`)) return;
    void act(api.mesh.externalRemove({ id: server.id }), () => `Removed ${server.name}.`);
  };
  const { status, statusError } = mesh;

  return (
    <dialog ref={dialog} className="app-dialog mesh-dialog" aria-label="AI mesh" {...handlers}>
      <header>
        <h2>AI mesh</h2>
        <div className="mesh-inline">
          {actions}
          <button type="button" aria-label="Close" onClick={onClose} data-initial-focus>
            ×
          </button>
        </div>
      </header>
      <p className="mesh-summary" role="status" aria-label="Mesh state">
        {status
          ? `Mesh: ${stateText[status.state]}${status.error ? ` — ${status.error}` : ''} · ${nodes.length} node${nodes.length === 1 ? '' : 's'}`
          : statusError
            ? `The mesh could not be reached: ${statusError} This device and its external servers are shown below.`
            : 'Reading the mesh…'}
      </p>
      {status?.peerId && (
        <p className="muted mesh-listen">
          This device: <code>{status.listen[0] ?? status.peerId}</code>
        </p>
      )}
      <MeshGraph nodes={nodes} />
      <div className="mesh-columns">
        <div>
          {mesh.settings || !statusError ? (
            <MeshSettingsForm settings={mesh.settings} teams={teams} onSave={configure} />
          ) : (
            <p className="muted">The mesh settings are not available: {statusError}</p>
          )}
          <DialPeerForm
            onDial={(address) =>
              act(api.mesh.dial({ address }), (s) => {
                mesh.setStatus(s);
                return `Connecting to ${address}…`;
              })
            }
          />
        </div>
        <ExternalServers
          servers={mesh.externals}
          problem={mesh.externalsError}
          onAdd={(input) => act(api.mesh.externalAdd(input), (v) => `Added ${v.name}.`)}
          onUpdate={(id, input) => act(api.mesh.externalUpdate({ id, ...input }), (v) => `Saved ${v.name}.`)}
          onRemove={remove}
        />
      </div>
      <p className="mesh-notice" role="status" aria-label="Mesh notice">
        {notice}
      </p>
    </dialog>
  );
}
