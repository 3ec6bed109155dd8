/** Every rule that depends on the date reads this, never the system time directly. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at the moment it is created and runs on from there, so a demo or
 * test can live on a chosen date while events still get distinct, ordered times.
 */
export function clockStartingAt(start: string, realNow: () => number = Date.now): Clock {
  const offset = new Date(start).getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
