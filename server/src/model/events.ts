// Per-event money: links that move money (transfers and purchases between accounts, card payments)
// keep each dated event's time and amount beside their sums, so a timeline, a trace or a velocity
// measure can see when and how much, not only how often in total. Pure.

/** Relationship types that keep their events (eventTimes, eventAmounts). */
export const EVENT_LINK_TYPES = ['TRANSFERRED_TO', 'BOUGHT_FROM', 'PAID_WITH'] as const;

/**
 * The latest events kept per pair; older ones live on only in the sums (count, amount, first and
 * last seen). Bounds a property that would otherwise grow with a busy pair's history.
 */
export const EVENTS_KEPT_PER_LINK = 1000;

/** An event without a time cannot be placed on a timeline: it counts in the sums only. */
export interface LinkEvents {
  eventTimes: number[];
  eventAmounts: number[];
}

export const keepsEvents = (type: string): boolean => (EVENT_LINK_TYPES as readonly string[]).includes(type);

/**
 * Appends one event in arrival order. The oldest beyond EVENTS_KEPT_PER_LINK are dropped in chunks
 * (amortised O(1)); `latestEvents` gives the kept window.
 */
export function addEvent(into: LinkEvents, t: number | null, amount: number): void {
  if (t === null) return;
  into.eventTimes.push(t);
  into.eventAmounts.push(amount);
  const over = into.eventTimes.length - EVENTS_KEPT_PER_LINK;
  if (over >= EVENTS_KEPT_PER_LINK) {
    into.eventTimes.splice(0, over);
    into.eventAmounts.splice(0, over);
  }
}

/** The kept window: the latest EVENTS_KEPT_PER_LINK events. */
export function latestEvents(e: LinkEvents): LinkEvents {
  return {
    eventTimes: e.eventTimes.slice(-EVENTS_KEPT_PER_LINK),
    eventAmounts: e.eventAmounts.slice(-EVENTS_KEPT_PER_LINK),
  };
}
