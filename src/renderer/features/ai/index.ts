/** AI help where the designer works: subject lines, drafting, rewriting, journey suggestions. */
import './ai.css';
export { CanvasAiController } from './CanvasAiController';
export { DraftEmail } from './DraftEmail';
export { RewriteBlock } from './RewriteBlock';
export { SubjectLineSuggestions } from './SubjectLineSuggestions';
export { useCanvasAi } from './useCanvasAi';
