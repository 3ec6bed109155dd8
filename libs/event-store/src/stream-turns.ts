import { perStore } from './per-store';

/**
 * The longest a command keeps its turn before the next one goes on without waiting for it. A turn
 * is held for one read, decide and append, a few milliseconds; holding it longer means the holder
 * is waiting on something else (a command built from a command on the same stream), and the next
 * command goes on rather than never. A long queue is not a reason: each holder has its own limit.
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
    let free!: () => void;
    const freed = new Promise<void>((resolve) => (free = resolve));
    // The next turn comes when this one is let go, or once it has been held for waitMs.
    const turn = (before ?? Promise.resolve()).then(() => {
      const timer = setTimeout(free, this.waitMs);
      return freed.finally(() => clearTimeout(timer));
    });
    this.tails.set(streamId, turn);
    if (before) await before;
    return () => {
      free();
      if (this.tails.get(streamId) === turn) this.tails.delete(streamId);
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

/** The turns of this process's commands on one store's streams. */
export const streamTurnsOf = perStore(() => new StreamTurns());
