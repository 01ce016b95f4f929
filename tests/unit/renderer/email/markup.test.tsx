import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { MailyApi } from '../../../../src/shared/api/client';
import type { Block } from '../../../../src/shared/email/blocks';
import { defaultBlock } from '../../../../src/shared/email/emailDoc';
import { makeBlock } from '../../../../src/renderer/features/email/blockInfo';
import { EmailEditorContext, type EmailEditorState } from '../../../../src/renderer/features/email/EmailEditorContext';
import { BlockOutline } from '../../../../src/renderer/features/email/outline/BlockOutline';
import { PreviewPane } from '../../../../src/renderer/features/email/preview/PreviewPane';
import type { PreviewState } from '../../../../src/renderer/features/email/preview/usePreview';

function state(readOnly: boolean): EmailEditorState {
  const noop = () => {};
  return {
    api: {} as MailyApi,
    doc: new Y.Doc(),
    campaignId: 'c',
    emailId: 'e',
    origin: {},
    readOnly,
    step: (edit) => edit(),
    undo: noop,
    redo: noop,
    announce: noop,
    select: noop,
    setCaretTarget: noop,
    releaseCaretTarget: noop,
  };
}

const blocks: Block[] = [
  { ...defaultBlock('heading'), id: 'h1', text: 'Welcome' },
  { ...makeBlock('columns2'), id: 'row' },
];

function outline(readOnly: boolean) {
  return renderToStaticMarkup(
    <EmailEditorContext.Provider value={state(readOnly)}>
      <BlockOutline blocks={blocks} selected="h1" problemCounts={new Map([['h1', 2]])} onSelect={() => {}} />
    </EmailEditorContext.Provider>,
  );
}

describe('the outline', () => {
  it('names every row by kind and summary, with its problems, and marks the selected one', () => {
    const html = outline(false);
    expect(html).toContain('aria-label="Heading: Welcome (2 problems)"');
    expect(html).toContain('aria-label="Columns: Two columns"');
    expect(html).toContain('aria-label="Column 1"');
    expect(html).toContain('aria-label="Column 2"');
    expect(html).toMatch(/aria-label="Heading: Welcome \(2 problems\)" aria-current="true"/);
    expect(html).toContain('draggable="true"');
  });

  it('cannot be dragged when read-only', () => {
    expect(outline(true)).not.toContain('draggable="true"');
  });
});

describe('the preview', () => {
  const preview: PreviewState = {
    rendered: {
      html: '<p>Hi Ana</p>',
      text: 'Hi Ana',
      subject: 'Hello Ana',
      preheader: 'Read me',
      errors: [{ blockId: 'h1', message: 'Unknown tag' }],
    },
    error: null,
    busy: false,
    editAt: null,
    retry: () => {},
  };

  it('shows the email in a frame without scripts, with subject, preheader and errors', () => {
    const html = renderToStaticMarkup(<PreviewPane preview={preview} onShowBlock={() => {}} />);
    expect(html).toMatch(/<iframe sandbox=""/);
    expect(html.toLowerCase()).toContain('srcdoc="&lt;p&gt;hi ana&lt;/p&gt;"');
    expect(html).toContain('aria-label="Preview width"');
    expect(html).toContain('aria-pressed="true">Desktop</button>');
    expect(html).toContain('aria-pressed="false">Phone</button>');
    expect(html).toContain('Hello Ana');
    expect(html).toContain('Read me');
    expect(html).toContain('Unknown tag');
    expect(html).toContain('Show the block');
  });
});
