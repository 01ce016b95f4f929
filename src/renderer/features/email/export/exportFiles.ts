import { fileStem } from '../../../app/downloadFile';

/** Exporting a rendered email: file names and the clipboard (downloads: `app/downloadFile`). */

/** A file name from the email's label: "Welcome #1" → "welcome-1.html". */
export function exportFileName(label: string, extension: 'html' | 'txt'): string {
  return `${fileStem(label, 'email')}.${extension}`;
}

/** Copies `text`; false when the clipboard is missing or the browser refused. */
export async function copyText(text: string): Promise<boolean> {
  if (!navigator.clipboard?.writeText) return false;
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false; // refused (no permission, window not focused): the caller offers the fallback
  }
}
