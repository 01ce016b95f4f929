/** The recent-traces view: AI actions and mesh jobs as waterfalls of their spans, across machines. */
export { TracesButton } from './TracesButton';
export { TracesDialog } from './TracesDialog';
import './traces.css';
