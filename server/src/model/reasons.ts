// A reason: one line of why a ring or an account scored as it did. Detection writes them (one per
// signal, with what it added to the score); the ring list, triage, reports and the API read them.
// Pure: the client build may import this file.
export interface Reason {
  /** Stable code, e.g. PROXY_IPS, DECLINES. */
  code: string;
  /** What it added to the score. */
  weight: number;
  /** In words, for the investigator. */
  detail: string;
}
