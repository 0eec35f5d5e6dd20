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

/**
 * A reason's weight with its sign: +0.30 added to a score, −0.25 taken away (a learned model's doubt).
 * A weight too small for two decimals reads "+<0.01", not "+0.00": the reason did count, a little.
 */
export const signedWeight = (w: number) => {
  const size = Math.abs(w);
  return `${w < 0 ? '−' : '+'}${size > 0 && size < 0.005 ? '<0.01' : size.toFixed(2)}`;
};
