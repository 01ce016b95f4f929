import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readEmail } from '../../../../src/shared/email/emailDoc';
import type { StepSuggestion } from '../../../../src/shared/ai/actions';
import { addEdge, addNode, edgesMap, nodesMap, readJourney } from '../../../../src/shared/journey/ydoc';
import type { Editor } from '../../../../src/renderer/features/canvas/EditorContext';
import { addSuggestedStep } from '../../../../src/renderer/features/canvas/ai/addSuggestedStep';

function editorOf(doc: Y.Doc, readOnly = false): Editor & { undo: Y.UndoManager } {
  const origin = { editor: 'test' };
  const undo = new Y.UndoManager([nodesMap(doc), edgesMap(doc)], { trackedOrigins: new Set([origin]) });
  return {
    doc,
    origin,
    readOnly,
    journey: () => readJourney(doc),
    step: (edit) => {
      undo.stopCapturing();
      const out = edit();
      undo.stopCapturing();
      return out;
    },
    announce: () => undefined,
    undo,
  };
}

function suggestion(patch: Partial<StepSuggestion> = {}): StepSuggestion {
  return { kind: 'email', label: 'Welcome email', reason: 'Say hello', afterNodeId: null, port: null, ...patch };
}

describe('addSuggestedStep', () => {
  it('adds the step at the ghost, labelled and connected, as one undo step', () => {
    const doc = new Y.Doc();
    const entry = addNode(doc, 'entry', { x: 0, y: 0 });
    const editor = editorOf(doc);
    const added = addSuggestedStep(editor, suggestion({ afterNodeId: entry }), { x: 320, y: 0 });
    expect(added?.edge).toMatchObject({ ok: true });
    const journey = readJourney(doc);
    const node = journey.nodes.find((n) => n.id === added!.id)!;
    expect(node).toMatchObject({ kind: 'email', position: { x: 320, y: 0 }, data: { label: 'Welcome email' } });
    expect(journey.edges).toMatchObject([{ source: entry, target: added!.id }]);
    expect(readEmail(doc, added!.id).blocks).toEqual([]);
    editor.undo.undo();
    expect(readJourney(doc).nodes.map((n) => n.id)).toEqual([entry]);
    expect(readJourney(doc).edges).toEqual([]);
  });

  it('uses the port the AI named, or the only output when it names a wrong one', () => {
    const doc = new Y.Doc();
    const condition = addNode(doc, 'condition', { x: 0, y: 0 });
    const delay = addNode(doc, 'delay', { x: 0, y: 300 });
    const editor = editorOf(doc);
    const onNo = addSuggestedStep(editor, suggestion({ afterNodeId: condition, port: 'no' }), { x: 320, y: 0 });
    expect(onNo?.edge).toMatchObject({ ok: true });
    expect(readJourney(doc).edges.find((e) => e.target === onNo!.id)?.sourceHandle).toBe('no');
    const afterDelay = addSuggestedStep(editor, suggestion({ afterNodeId: delay, port: 'bogus' }), { x: 320, y: 300 });
    expect(afterDelay?.edge).toMatchObject({ ok: true });
  });

  it('keeps the step when the connection is refused, and says why', () => {
    const doc = new Y.Doc();
    const entry = addNode(doc, 'entry', { x: 0, y: 0 });
    const other = addNode(doc, 'delay', { x: 320, y: 0 });
    addEdge(doc, { source: entry, sourceHandle: null, target: other, targetHandle: null });
    const added = addSuggestedStep(editorOf(doc), suggestion({ afterNodeId: entry }), { x: 320, y: 200 });
    expect(added?.edge).toMatchObject({ ok: false });
    expect(added?.edge && !added.edge.ok && added.edge.reason).toBeTruthy();
    expect(readJourney(doc).nodes).toHaveLength(3);
  });

  it('adds nothing read-only, or for a kind journeys do not have', () => {
    const doc = new Y.Doc();
    expect(addSuggestedStep(editorOf(doc, true), suggestion(), { x: 0, y: 0 })).toBeNull();
    expect(addSuggestedStep(editorOf(doc), suggestion({ kind: 'sms' }), { x: 0, y: 0 })).toBeNull();
    expect(addSuggestedStep(editorOf(doc), suggestion({ kind: 'note' }), { x: 0, y: 0 })).toBeNull();
    expect(readJourney(doc).nodes).toEqual([]);
  });

  it('connects nothing when the ghost follows no step', () => {
    const doc = new Y.Doc();
    const added = addSuggestedStep(editorOf(doc), suggestion({ kind: 'goal', label: 'Done' }), { x: 0, y: 0 });
    expect(added?.edge).toBeNull();
    expect(readJourney(doc).nodes[0]).toMatchObject({ kind: 'goal', data: { label: 'Done' } });
  });
});
