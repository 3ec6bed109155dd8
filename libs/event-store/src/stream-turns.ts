import { EventStore } from './event-store';

/**
 * The longest a command waits for its turn. A turn is held for one read, decide and append, a few
 * milliseconds; a longer wait means the holder is waiting on something else (a command built from
 * a command on the same stream), and the waiter goes on without its turn rather than never.
 */
export const TURN_WAIT_MS = 2000;

/**
 * Turns on a stream for the commands of this process that lost a race on it. Without them, commands
 * sent together to one stream (people registered by a script, partners answering one call) retry
 * together: every round one wins and all the others read, decide and append again, so n commands
 * cost about n²/2 attempts. A command takes a turn after its first conflict, or before its first
 * attempt when others are taking turns already, so a stream nobody contends pays nothing. A turn orders attempts and never decides them: the store's
 * expected-revision check still refuses a stale append, from this process or another.
 */
export class StreamTurns {
  /** The last turn handed out per stream; a new one waits for it. */
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly waitMs = TURN_WAIT_MS) {}

  /** Waits for the commands that conflicted on `streamId` before this one; call the answer when done. */
  async take(streamId: string): Promise<() => void> {
    const before = this.tails.get(streamId);
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = before ? before.then(() => mine) : mine;
    this.tails.set(streamId, tail);
    if (before) await waitAtMost(before, this.waitMs);
    return () => {
      release();
      if (this.tails.get(streamId) === tail) this.tails.delete(streamId);
    };
  }

  /** Whether commands on `streamId` are taking turns now. */
  contended(streamId: string): boolean {
    return this.tails.has(streamId);
  }

  /** Streams with a turn held or waited for: none once every command has finished. */
  get size(): number {
    return this.tails.size;
  }
}

async function waitAtMost(turn: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, ms)));
  try {
    await Promise.race([turn, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const turnsPerStore = new WeakMap<EventStore, StreamTurns>();

/** The turns of this process's commands on `store`'s streams. */
export function streamTurnsOf(store: EventStore): StreamTurns {
  let turns = turnsPerStore.get(store);
  if (!turns) {
    turns = new StreamTurns();
    turnsPerStore.set(store, turns);
  }
  return turns;
}
