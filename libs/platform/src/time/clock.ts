/** Every rule that depends on the date reads this, never the system time directly. */
export interface Clock {
  now(): Date;
}

/** The clock's injection token: in the platform library, so the api and the web pages share one clock without either reaching into the other. */
export const CLOCK = Symbol('CLOCK');

export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that reads `start` at the moment it is created and runs on from there, so a demo or
 * test can live on a chosen date while events still get distinct, ordered times.
 */
export function clockStartingAt(start: string, realNow: () => number = Date.now): Clock {
  const offset = new Date(start).getTime() - realNow();
  return { now: () => new Date(realNow() + offset) };
}
