/** What the log has done lately, as the rule for signing a head needs it. */
export interface LogActivity {
  /** When the newest signed head was made, or null before the first. */
  readonly lastHeadAt: string | null;
  /** When the first change (an event other than a head) of the newest day with changes was made, or null. */
  readonly firstChangeOfLatestDay: string | null;
}

const day = (isoTime: string) => isoTime.slice(0, 10);

/**
 * A4: a head is signed at least daily (UTC days), and again after each day's first change, so
 * the areas hold a witness of every day's activity within a minute of it starting. Later changes
 * that day wait for the next day's head. Heads themselves are not changes, or each head would
 * call for another.
 */
export function treeHeadDue(activity: LogActivity, now: Date): boolean {
  const today = day(now.toISOString());
  const { lastHeadAt, firstChangeOfLatestDay } = activity;
  if (lastHeadAt === null) return firstChangeOfLatestDay !== null;
  if (day(lastHeadAt) < today) return true;
  return (
    firstChangeOfLatestDay !== null && day(firstChangeOfLatestDay) === today && lastHeadAt < firstChangeOfLatestDay
  );
}
