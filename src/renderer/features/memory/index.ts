/** The AI's memory: the items it remembers and how it would retrieve them. */
export { MemoryButton } from './MemoryButton';
export { MemoryDialog } from './MemoryDialog';
import './memory.css';
