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

/** A reason's weight with its sign: +0.30 added to a score, −0.25 taken away (a learned model's doubt). */
export const signedWeight = (w: number) => `${w < 0 ? '−' : '+'}${Math.abs(w).toFixed(2)}`;
