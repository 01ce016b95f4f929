import { useId, useState } from 'react';
import { MAX_ASSET_BYTES } from '../../../../shared/api/contract';
import type { ImageBlock } from '../../../../shared/email/blocks';
import { describeError } from '../describeError';
import { useEmailEditor } from '../EmailEditorContext';
import { NumberInput, SelectInput, TextInput } from './controls';
import { alignOptions, hrefProblem, type BlockUpdate } from './useBlockUpdate';

type Upload = { state: 'idle' } | { state: 'busy' | 'done' | 'failed'; message: string };

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;

/** "summer-sale_banner.png" → "summer sale banner": a starting alt text. */
export function altFromFileName(name: string): string {
  return name
    .replace(/\.[a-z0-9]+$/i, '')
    .replace(/[-_]+/g, ' ')
    .trim()
    .slice(0, 200);
}

/** An image block: the file (stored with the campaign by the host), alt text, size and link. */
export function ImageFields({ block, update, errors, bind }: { block: ImageBlock } & BlockUpdate) {
  const { api, campaignId, readOnly, step } = useEmailEditor();
  const fileId = useId();
  const [upload, setUpload] = useState<Upload>({ state: 'idle' });

  const add = async (file: File) => {
    if (file.size > MAX_ASSET_BYTES) {
      return setUpload({
        state: 'failed',
        message: `“${file.name}” is ${mib(file.size)}; images can be at most ${mib(MAX_ASSET_BYTES)}. Choose a smaller file.`,
      });
    }
    setUpload({ state: 'busy', message: `Adding “${file.name}”…` });
    try {
      const data = new Uint8Array(await file.arrayBuffer());
      const asset = await api.assets.add({ campaignId, name: file.name.slice(0, 200) || 'image', data });
      step(() => update({ assetId: asset.id, ...(block.alt ? {} : { alt: altFromFileName(file.name) }) }));
      setUpload({ state: 'done', message: `Added “${asset.name}” (${Math.ceil(asset.bytes / 1024)} KB).` });
    } catch (error) {
      setUpload({ state: 'failed', message: describeError(error, 'Adding the image') });
    }
  };

  return (
    <>
      <div className="ee-field">
        <label htmlFor={fileId}>{block.assetId ? 'Replace image' : 'Choose image'}</label>
        <input
          id={fileId}
          type="file"
          accept="image/*"
          disabled={readOnly || upload.state === 'busy'}
          aria-describedby={upload.state === 'idle' ? undefined : `${fileId}-status`}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = ''; // the same file can be chosen again after a failure
            if (file) void add(file);
          }}
        />
        {upload.state !== 'idle' && (
          <p
            id={`${fileId}-status`}
            role={upload.state === 'failed' ? 'alert' : 'status'}
            className={upload.state === 'failed' ? 'ee-field__error' : 'ee-hint'}
          >
            {upload.state === 'busy' && <progress aria-label="Adding the image" />} {upload.message}
          </p>
        )}
        {!block.assetId && upload.state === 'idle' && (
          <p className="ee-hint">No image chosen yet; the preview leaves a gap.</p>
        )}
      </div>
      <TextInput label="Alt text" hint="Read aloud, and shown when images are blocked." {...bind(block, 'alt')} />
      <div className="ee-grid ee-grid--2">
        <NumberInput label="Width" unit="% of column" min={10} max={100} {...bind(block, 'width')} />
        <SelectInput label="Alignment" options={alignOptions} {...bind(block, 'align')} />
      </div>
      <TextInput
        label="Image link (optional)"
        type="url"
        value={block.href ?? ''}
        error={errors.href ?? hrefProblem(block.href)}
        onChange={(href) => update({ href })}
      />
    </>
  );
}
