import { basename } from 'node:path';
import { ErrorCode, MailyError } from '../../../shared/errors';

/** True for a plain `.gguf` file name: no folders, no `..`, no hidden or partial files. */
export function isModelId(id: string): boolean {
  return id === basename(id) && !id.startsWith('.') && !id.includes('\0') && !id.includes('\\') && /\.gguf$/i.test(id);
}

/** Where a download comes from: the URL to fetch and the file name it gets in the models folder. */
export interface ResolvedSource {
  url: string;
  fileName: string;
}

/**
 * Turns a URL or an `hf:<user>/<repo>/<path/file.gguf>` reference into the URL to fetch
 * (`https://huggingface.co/<user>/<repo>/resolve/main/<path>`) and a plain file name.
 * `hf:<user>/<repo>:<quant>` needs Hugging Face's API to pick a file, which a download
 * should not depend on, so it is refused with what to write instead.
 */
export function resolveModelSource(source: string): ResolvedSource {
  const trimmed = source.trim();
  let url: URL;
  if (/^hf:/i.test(trimmed)) {
    const parts = trimmed.slice(3).split('/');
    if (parts.length < 3 || parts.some((part) => !part || part === '..' || part === '.')) {
      throw new MailyError(
        ErrorCode.InvalidInput,
        'Name the file too: hf:<user>/<repo>/<file>.gguf (copy the file name from the model’s “Files” tab).',
      );
    }
    const [user, repo, ...file] = parts;
    url = new URL(`https://huggingface.co/${user}/${repo}/resolve/main/${file.map(encodeURIComponent).join('/')}`);
  } else {
    try {
      url = new URL(trimmed);
    } catch {
      throw new MailyError(ErrorCode.InvalidInput, 'That is not a link. Paste an http(s) link to a .gguf file.');
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new MailyError(ErrorCode.InvalidInput, 'Only http and https links can be downloaded.');
    }
  }
  const last = url.pathname.split('/').pop() ?? '';
  let fileName = '';
  try {
    fileName = decodeURIComponent(last);
  } catch {
    // a malformed %-escape: no usable name, refused below
  }
  if (!isModelId(fileName)) {
    throw new MailyError(ErrorCode.InvalidInput, 'The link must end in a .gguf file name (a GGUF model file).');
  }
  return { url: url.toString(), fileName };
}
