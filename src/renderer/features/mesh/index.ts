/** The AI mesh view: the graph of nodes with their load, the mesh settings and the external servers. */
export { MeshButton } from './MeshButton';
export { MeshDialog } from './MeshDialog';
import '@xyflow/react/dist/style.css';
import './mesh.css';
