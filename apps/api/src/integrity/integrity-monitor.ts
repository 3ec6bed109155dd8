import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  EventStore,
  SignedTreeHead,
  signAndRecordTreeHead,
  TransparencyLog,
  treeHeadDue,
  WrongExpectedVersionError,
} from '@app/event-store';
import { AreaFeedQueries, ProjectionRunner } from '@app/read-models';
import { CLOCK, Clock, SigningKey } from '@app/platform';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { LOG_KEY } from './log-key';

const CHECK_EVERY_MS = 60_000;
/** Heads recorded by other instances in between that still leave one due: rare beyond the first. */
const SIGN_ATTEMPTS = 3;
const SCHEDULED_REASON = 'The daily signed tree head, or the one after the first change of the day';

export interface IntegrityVerdict {
  readonly consistent: boolean;
  readonly treeSize: number;
  readonly latestHead: SignedTreeHead | null;
  readonly problems: readonly string[];
}

/**
 * Holds the transparency log's tree and says whether the store still agrees with every head the
 * log has signed (A4). At start-up it reads the whole store, trusting nothing cached, so a store
 * edited while the service was down is found before it serves; before each new head it reads the
 * whole store again and refuses to sign over a contradiction. A head is signed at start-up and
 * every minute when one is due (at least daily and after each day's first change).
 */
@Injectable()
export class IntegrityMonitor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('Integrity');
  private log: TransparencyLog;
  private found: readonly string[] = [];
  private checkedHeads = 0;
  private queue: Promise<unknown> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(LOG_KEY) private readonly key: SigningKey,
    private readonly runner: ProjectionRunner,
    private readonly feeds: AreaFeedQueries,
  ) {
    this.log = new TransparencyLog(store);
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.serially(async () => {
      this.log = await TransparencyLog.scan(this.store);
      await this.recheck();
      // The store was just read whole: a head due now is signed over that reading.
      if (this.maySign() && treeHeadDue(this.log.activity, this.clock.now())) {
        await this.signDue(this.log);
      }
    });
    this.timer = setInterval(() => void this.signIfDue(), CHECK_EVERY_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.queue;
  }

  /** The log as far as the store has gone, with any head recorded since (by the CLI, say) checked. */
  async current(): Promise<TransparencyLog> {
    return this.serially(async () => {
      await this.log.catchUp();
      if (this.log.heads.length !== this.checkedHeads) await this.recheck();
      return this.log;
    });
  }

  async verdict(): Promise<IntegrityVerdict> {
    const log = await this.current();
    return {
      consistent: this.found.length === 0,
      treeSize: log.size,
      latestHead: log.latestHead,
      problems: this.found,
    };
  }

  /** Signs and records a head when the rule says one is due; never over a log that contradicts its heads. */
  async signIfDue(): Promise<SignedTreeHead | null> {
    try {
      return await this.serially(async () => {
        await this.log.catchUp();
        if (!this.maySign() || !treeHeadDue(this.log.activity, this.clock.now())) return null;
        return this.signDue();
      });
    } catch (error) {
      this.logger.error(error instanceof Error ? error : String(error), 'Signing a tree head');
      return null;
    }
  }

  /**
   * Signs the head that is due. Another api instance on the same store may record its head first
   * (two instances starting together both find one due): its head is then checked like any other,
   * and this one signs only if a head is still due.
   */
  private async signDue(fresh?: TransparencyLog): Promise<SignedTreeHead | null> {
    for (let attempt = 1, scanned = fresh; ; attempt += 1, scanned = undefined) {
      try {
        return await this.sign(scanned);
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= SIGN_ATTEMPTS) throw error;
      }
      await this.log.catchUp();
      await this.recheck();
      if (!this.maySign() || !treeHeadDue(this.log.activity, this.clock.now())) return null;
    }
  }

  private async sign(fresh?: TransparencyLog): Promise<SignedTreeHead | null> {
    const outcome = await signAndRecordTreeHead(this.store, this.key, this.clock.now(), SCHEDULED_REASON, fresh);
    this.log = outcome.log;
    if (!outcome.signed) {
      this.report(outcome.problems);
      return null;
    }
    await this.runner.waitFor(outcome.position);
    await this.log.catchUp();
    this.checkedHeads = this.log.heads.length;
    this.logger.log(`Signed tree head: ${outcome.head.treeSize} events, root ${outcome.head.rootHash}`);
    return outcome.head;
  }

  /**
   * Every head the log recorded, and every head sent to the areas (kept in the read database, out
   * of reach of SQL on the events): a log cut back to before its own heads still contradicts those.
   */
  private async recheck(): Promise<void> {
    const problems = await this.log.problems(this.key.publicKey);
    const recorded = new Set(this.log.heads.map(({ head }) => head.signature));
    for (const sent of this.feeds.treeHeads()) {
      if (recorded.has(sent.signature)) continue;
      problems.push(`the head of ${sent.timestamp} sent to the areas is no longer recorded in the log`);
      problems.push(...(await this.log.problemsWith(sent, this.key.publicKey)));
    }
    this.report(problems);
    this.checkedHeads = this.log.heads.length;
  }

  /**
   * Never over a log that contradicts its heads, nor while the read side has stopped: a head it
   * records could not be shown to the areas, and with read models ahead of the log it would fill
   * the very position that shows the log was cut back.
   */
  private maySign(): boolean {
    return this.found.length === 0 && this.runner.error === null;
  }

  private report(problems: readonly string[]): void {
    this.found = problems;
    for (const problem of problems) this.logger.error(`The store contradicts a signed tree head: ${problem}`);
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
