// How a reason's weight reads in the web app. Pure: unit-tested without a browser.

/**
 * A reason's weight with its sign: +0.30 added to a score, −0.25 taken away (a learned model's doubt).
 * A weight too small for two decimals reads "+<0.01", not "+0.00": the reason did count, a little.
 */
export const signedWeight = (w: number) => {
  const size = Math.abs(w);
  return `${w < 0 ? '−' : '+'}${size > 0 && size < 0.005 ? '<0.01' : size.toFixed(2)}`;
};
