import { fileStem } from '../../../app/downloadFile';

/** Exporting a rendered email: file names (downloads: `app/downloadFile`, the clipboard: `app/clipboard`). */

/** A file name from the email's label: "Welcome #1" → "welcome-1.html". */
export function exportFileName(label: string, extension: 'html' | 'txt'): string {
  return `${fileStem(label, 'email')}.${extension}`;
}
