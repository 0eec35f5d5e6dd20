// Finding the page's fixed elements by id, with a clear error when the shell lacks one.
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no #${id}`);
  return el as T;
}

/** Starts a browser download of a blob. */
export function download(name: string, blob: Blob): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export const shortTime = (t: string | null | undefined, n = 16) => (t ?? '').slice(0, n).replace('T', ' ');
