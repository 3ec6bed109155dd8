import { IsoDate } from '../shared/dates';

/** A partner as the succession chain needs it: who took over from it, if anyone, and from which day. */
export type Succeeded = Readonly<{ partnerId: string; succeededBy: string | null; succeededOn: IsoDate | null }>;

/**
 * R16: the partner at the end of `partnerId`'s line of successors on `date` (a CCG's ICB from 1 July
 * 2022, and the ICB's own successor once that one takes over), following only the successions in
 * effect by then; `partnerId` itself when it had not been succeeded. With `date` null, every
 * succession recorded counts, whatever its day.
 */
export function successorOn(partners: readonly Succeeded[], partnerId: string, date: IsoDate | null): string {
  const byId = new Map(partners.map((partner) => [partner.partnerId, partner]));
  // A line that loops back on itself ends at the first partner it reaches again.
  const passed = new Set<string>();
  let current = partnerId;
  let partner = byId.get(current);
  while (
    partner?.succeededBy &&
    !passed.has(current) &&
    (date === null || (partner.succeededOn !== null && partner.succeededOn <= date))
  ) {
    passed.add(current);
    current = partner.succeededBy;
    partner = byId.get(current);
  }
  return current;
}

/**
 * R16: each succeeded partner and the partner at the end of its line of successors (a CCG whose ICB
 * was itself succeeded answers to the last one), which takes over its open obligations.
 */
export function successorsOf(partners: readonly Succeeded[]): Record<string, string> {
  return Object.fromEntries(
    partners
      .filter((partner) => partner.succeededBy !== null)
      .map((partner) => [partner.partnerId, successorOn(partners, partner.partnerId, null)]),
  );
}
