import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { emptyCanvasAi, type CanvasAiFeed, type CanvasAiState } from '../../../../src/shared/ai/canvasAi';
import { AiToolbarControls } from '../../../../src/renderer/features/canvas/ai/AiToolbarControls';

function feedWith(patch: Partial<CanvasAiState>): CanvasAiFeed {
  const state = { ...emptyCanvasAi, ...patch };
  const nothing = () => undefined;
  return {
    get: () => state,
    subscribe: () => nothing,
    suggestNext: nothing,
    review: nothing,
    stop: nothing,
    acceptGhost: nothing,
    dismiss: nothing,
  };
}

const render = (patch: Partial<CanvasAiState>, readOnly = false) =>
  renderToStaticMarkup(
    <AiToolbarControls feed={feedWith(patch)} mac={false} readOnly={readOnly} onSuggestNext={() => undefined} />,
  );

describe('the AI toolbar controls', () => {
  it('offers both actions while idle, with no stop button', () => {
    const html = render({});
    expect(html).toContain('>Suggest next step</button>');
    expect(html).toContain('>Review journey</button>');
    expect(html).toContain('aria-keyshortcuts="Control+Alt+N"');
    expect(html).not.toContain('Stop the AI');
    expect(html).not.toContain('role="alert"');
  });

  it('says the AI is thinking, keeps its text collapsed and offers Stop while it runs', () => {
    const html = render({ running: { kind: 'reviewJourney', text: 'The journey starts' } });
    expect(html).toMatch(/role="status"[^>]*>.*AI is thinking…<\/span>/);
    expect(html).toContain('<details class="je-ai-tools__stream"><summary>');
    expect(html).toContain('<pre>The journey starts</pre>');
    expect(html).toContain('aria-label="Stop the AI"');
    expect(html.match(/disabled=""/g)).toHaveLength(2);
  });

  it('shows why the last action failed as an alert', () => {
    expect(render({ error: 'No model is loaded.' })).toContain(
      '<p class="je-ai-tools__error" role="alert">No model is loaded.</p>',
    );
  });

  it('cannot suggest a step on a read-only campaign, but can review it', () => {
    const html = render({}, true);
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>Suggest next step/);
    expect(html).toMatch(/<button(?![^>]*disabled)[^>]*>Review journey/);
  });
});
