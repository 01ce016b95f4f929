import type { Services } from '../services';
import type { Handlers } from './dispatch';

type MeshChannel = 'mesh:status' | 'mesh:getSettings' | 'mesh:configure' | 'mesh:dial';

/** The AI mesh: its state and nodes, its settings, dialling a teammate by address. */
export function createMeshHandlers(services: Services): Pick<Handlers, MeshChannel> {
  const { mesh } = services;
  return {
    'mesh:status': () => mesh.status(),
    'mesh:getSettings': () => mesh.settings(),
    'mesh:configure': (input) => mesh.configure(input),
    'mesh:dial': (input) => mesh.dial(input.address),
  };
}
