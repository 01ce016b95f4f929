import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CommonTerms, MIN_COMMON_DOCS } from '../../../../../src/main/services/memory/commonTerms';
import { MemoryService } from '../../../../../src/main/services/memory/MemoryService';
import { tempWorkspace, type TempWorkspace } from '../helpers';

let ws: TempWorkspace;
beforeEach(() => {
  ws = tempWorkspace();
});
afterEach(() => ws.cleanup());

describe('CommonTerms', () => {
  it('keeps every term in a small memory', () => {
    const db = ws.open();
    const memory = new MemoryService(db, { autoIndex: false });
    memory.add({ kind: 'note', title: 'the offer', text: 'the spring offer' });
    expect(new CommonTerms(db).filter(['the', 'offer'])).toEqual(['the', 'offer']);
    memory.dispose();
  });

  it('drops terms most items hold, keeps the first when all are common, and re-counts after changes', async () => {
    const db = ws.open();
    const memory = new MemoryService(db, { autoIndex: false });
    db.transaction(() => {
      for (let i = 0; i < MIN_COMMON_DOCS + 50; i++)
        memory.add({ kind: 'note', title: `item ${i}`, text: 'the usual' });
    });
    const rare = memory.add({ kind: 'note', title: 'Zebra', text: 'the zebra crossing' });
    const common = new CommonTerms(db);
    expect(common.filter(['the', 'zebra', 'usual'])).toEqual(['zebra']);
    expect(common.filter(['usual', 'the'])).toEqual(['usual']);
    expect(common.filter([])).toEqual([]);
    // Through the service: "the" no longer costs a bm25 pass over every item, and the rare word still ranks first.
    expect((await memory.search('the zebra'))[0]).toMatchObject({ item: { id: rare.id }, textRank: 1 });
    memory.dispose();
  });
});
