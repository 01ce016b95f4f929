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
