import { isNodeKind, kindInfo, type NodeKind } from '../../../../shared/journey';
import type { FindingSeverity } from './aiGeometry';

/** Words and shortcuts of the AI layer, as pure functions. */

const severityLabels: Record<FindingSeverity, string> = { info: 'Note', warning: 'Warning', problem: 'Problem' };

/** What a finding's severity is called ("Problem", "Warning", "Note"). */
export function severityLabel(severity: FindingSeverity): string {
  return severityLabels[severity] ?? 'Note';
}

/** The kind a suggestion names, when it is one a journey can have (never a note). */
export function suggestedKind(kind: string): Exclude<NodeKind, 'note'> | null {
  return isNodeKind(kind) && kind !== 'note' ? kind : null;
}

/** The title of a suggested kind ("Email", "Wait until"), or the name the AI gave. */
export function suggestedKindTitle(kind: string): string {
  const known = suggestedKind(kind);
  return known ? kindInfo[known].title : kind || 'Step';
}

/** A pin's accessible name: its messages. */
export function pinName(messages: readonly string[]): string {
  return messages.join(' · ');
}

/** The parts of a KeyboardEvent the matcher reads. */
export interface AiKeyPress {
  key: string;
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

/**
 * Ctrl+Alt+N (⌥⌘N on macOS): suggest the next step. Matched on the physical key too,
 * since Alt/Option changes the character typed.
 */
export function isSuggestShortcut(press: AiKeyPress): boolean {
  if (!(press.ctrlKey || press.metaKey) || !press.altKey || press.shiftKey) return false;
  return press.code === 'KeyN' || press.key.toLowerCase() === 'n';
}

/** The suggest shortcut as a button title shows it. */
export function suggestShortcutHint(mac: boolean): string {
  return mac ? '⌥⌘N' : 'Ctrl+Alt+N';
}
