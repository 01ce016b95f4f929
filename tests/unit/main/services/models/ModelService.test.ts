import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ModelService, catalogue } from '../../../../../src/main/services/models/ModelService';
import { SettingsStore } from '../../../../../src/main/services/settings/SettingsStore';
import { ErrorCode } from '../../../../../src/shared/errors';
import { tempWorkspace, type TempWorkspace } from '../helpers';
import { writeNotGgufFile, writeTinyModel, writeTruncatedModel } from '../../../../helpers/tinyModel';

describe('ModelService', () => {
  let ws: TempWorkspace;
  let models: ModelService;
  let changes: (string | null)[];
  let settings: SettingsStore;

  beforeEach(() => {
    ws = tempWorkspace();
    settings = new SettingsStore(ws.open());
    models = new ModelService({ modelsDir: join(ws.dir, 'models'), settings });
    changes = [];
    models.onChanged((id) => changes.push(id));
  });
  afterEach(async () => {
    await models.dispose();
    ws.cleanup();
  });

  it('lists nothing in a new folder', async () => {
    expect(await models.list()).toEqual([]);
    expect(await models.defaultModelId()).toBeNull();
  });

  it('lists a model with its metadata and memory needs', async () => {
    writeTinyModel(join(models.dir, 'tiny.gguf'));
    const [tiny] = await models.list();
    expect(tiny).toMatchObject({
      id: 'tiny.gguf',
      architecture: 'llama',
      name: 'Maily tiny test model',
      quantization: 'F32',
      contextLength: 2048,
      problem: null,
      isDefault: true,
    });
    expect(tiny.parameters).toBeGreaterThan(100_000);
    // ~0.5 MB of weights plus a 2,048-token context: tens of MB, never zero.
    expect(tiny.memory!.ramBytes).toBeGreaterThan(1_000_000);
    expect(tiny.memory!.ramBytes).toBeLessThan(200_000_000);
  }, 20_000);

  it('lists a broken file with its problem and never makes it the default', async () => {
    writeTruncatedModel(join(models.dir, 'cut.gguf'));
    writeNotGgufFile(join(models.dir, 'page.gguf'));
    mkdirSync(join(models.dir, 'folder.gguf'));
    const list = await models.list();
    expect(list.map((m) => [m.id, m.isDefault])).toEqual([
      ['cut.gguf', false],
      ['page.gguf', false],
    ]);
    expect(list[0].problem).toMatch(/cut off/);
    expect(list[1].problem).toMatch(/Not a GGUF/);
  });

  it('imports a file by path, and refuses one that is not GGUF', async () => {
    const source = writeTinyModel(join(ws.dir, 'elsewhere', 'My Model.gguf'));
    const imported = await models.importFile(source.path);
    expect(imported).toMatchObject({ id: 'My Model.gguf', bytes: source.bytes, problem: null });
    expect(changes).toEqual(['My Model.gguf']);
    const again = await models.importFile(source.path);
    expect(again.id).toBe('My Model-2.gguf');

    const html = writeNotGgufFile(join(ws.dir, 'page.gguf'));
    await expect(models.importFile(html.path)).rejects.toMatchObject({ code: ErrorCode.InvalidInput });
    await expect(models.importFile(join(ws.dir, 'missing.gguf'))).rejects.toMatchObject({ code: ErrorCode.NotFound });
    expect(existsSync(join(models.dir, 'page.gguf'))).toBe(false);
  }, 20_000);

  it('stores the default and forgets it when the file is removed', async () => {
    writeTinyModel(join(models.dir, 'a.gguf'), { seed: 1 });
    writeTinyModel(join(models.dir, 'b.gguf'), { seed: 2 });
    expect(await models.defaultModelId()).toBe('a.gguf');
    await models.setDefault('b.gguf');
    expect(await models.defaultModelId()).toBe('b.gguf');
    // Stored in the settings table: a new service on the same database sees it.
    const other = new ModelService({ modelsDir: models.dir, settings, estimateMemory: async () => null });
    expect(await other.defaultModelId()).toBe('b.gguf');
    await models.remove('b.gguf');
    expect(await models.defaultModelId()).toBe('a.gguf');
    expect(changes).toEqual(['b.gguf', 'b.gguf']);
    await expect(models.remove('b.gguf')).rejects.toMatchObject({ code: ErrorCode.NotFound });
    await expect(models.remove('../workspace.sqlite')).rejects.toMatchObject({ code: ErrorCode.InvalidInput });
    await expect(models.setDefault('nothing.gguf')).rejects.toMatchObject({ code: ErrorCode.NotFound });
  }, 20_000);

  it('keeps the first model as the default when a later one sorts first', async () => {
    await models.importFile(writeTinyModel(join(ws.dir, 'in', 'b.gguf')).path);
    await models.importFile(writeTinyModel(join(ws.dir, 'in', 'a.gguf'), { seed: 2 }).path);
    expect(await models.defaultModelId()).toBe('b.gguf');
  }, 20_000);

  it('refuses a broken file as the default', async () => {
    writeTruncatedModel(join(models.dir, 'cut.gguf'));
    await expect(models.setDefault('cut.gguf')).rejects.toMatchObject({ code: ErrorCode.InvalidInput });
  });

  it('ships a valid catalogue of a few small models', () => {
    expect(catalogue.length).toBeGreaterThanOrEqual(3);
    expect(catalogue.length).toBeLessThanOrEqual(5);
    for (const entry of catalogue) expect(entry.source).toMatch(/^hf:[^/]+\/[^/]+\/.+\.gguf$/);
  });
});
