/** Exporting a rendered email: file names, downloads and the clipboard. */

/** A file name from the email's label: "Welcome #1" → "welcome-1.html". */
export function exportFileName(label: string, extension: 'html' | 'txt'): string {
  const base = label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return `${base || 'email'}.${extension}`;
}

/** Saves `content` as a file through the browser's download (the desktop app asks where). */
export function downloadFile(name: string, content: string, type: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the URL; revoking at once can cancel it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
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
