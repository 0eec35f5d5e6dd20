// What is true of a ring's members among themselves: money and referral links counted only
// between members (never with outside counterparties), and how unusual the members are one by
// one (their individual risk), which lifts a ring score built from structure alone.
// Cost: O(links) to index the links once, then O(members) per ring.
import type { Reason } from '../model/reasons.js';

export interface MemberLinks {
  /** Members with at least one link to another member. */
  linkedMembers: number;
  /** Distinct member pairs linked by money or referrals. */
  links: number;
  /** Accounts outside the ring that members send money to or receive it from. */
  counterparties: number;
}

export class MemberLinkIndex {
  private readonly byAccount = new Map<number, number[]>();

  constructor(links: { from: number; to: number }[]) {
    for (const l of links) {
      if (l.from === l.to) continue;
      (this.byAccount.get(l.from) ?? this.byAccount.set(l.from, []).get(l.from)!).push(l.to);
      (this.byAccount.get(l.to) ?? this.byAccount.set(l.to, []).get(l.to)!).push(l.from);
    }
  }

  among(members: number[]): MemberLinks {
    const inRing = new Set(members);
    const pairs = new Set<string>();
    const outside = new Set<number>();
    let linkedMembers = 0;
    for (const m of members) {
      let linked = false;
      for (const o of this.byAccount.get(m) ?? []) {
        if (inRing.has(o)) {
          linked = true;
          pairs.add(m < o ? `${m}:${o}` : `${o}:${m}`);
        } else outside.add(o);
      }
      if (linked) linkedMembers++;
    }
    return { linkedMembers, links: pairs.size, counterparties: outside.size };
  }
}

/**
 * Lifts a structural ring score by how unusual its members are individually: the median member's
 * individual risk, at most 40% of the remaining distance to 1, so a ring of ordinary accounts keeps
 * its structural score and a ring of individually odd accounts rises.
 */
export function memberMedian(individual: number[]): number {
  if (!individual.length) return 0;
  const sorted = [...individual].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)]!;
}

export function liftByMembers(score: number, individual: number[]): { score: number; reason?: Reason } {
  if (!individual.length) return { score };
  const median = memberMedian(individual);
  const lifted = 1 - (1 - score) * (1 - 0.4 * median);
  const gain = Math.round((lifted - score) * 1000) / 1000;
  if (gain < 0.01) return { score };
  const unusual = individual.filter((r) => r >= 0.2).length;
  return {
    score: Math.round(lifted * 1000) / 1000,
    reason: {
      code: 'MEMBER_RISK',
      weight: gain,
      detail: `${unusual} of ${individual.length} members are individually unusual (median member risk ${median.toFixed(2)})`,
    },
  };
}
