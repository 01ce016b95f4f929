import { useContext } from 'react';
import { EditorContext, type Editor } from './EditorContext';

/** The editor the calling panel belongs to. */
export function useEditor(): Editor {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error('useEditor must be used inside a JourneyEditor');
  return editor;
}
