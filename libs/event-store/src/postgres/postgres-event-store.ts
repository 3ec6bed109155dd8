import { Client, ClientConfig, DatabaseError, Pool } from 'pg';
import { AppendNotifier } from '../append-notifier';
import {
  AppendResult,
  DuplicateEventIdError,
  EventMetadataRecord,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
  WrongExpectedVersionError,
} from '../event-store';
import { followAll } from '../follow-all';
import { KeptTextRow, withKeptTexts } from '../sealed-text';
import { sleep } from '../sleep';
import { appendEvents, appendFunctionSql, currentRevision, redactionsIn } from './postgres-append';
import { createTableSql, StoreNames, storeNames } from './postgres-schema';

export interface PostgresEventStoreOptions {
  /** The schema holding the events table; created on first use when missing. Default `public`. */
  readonly schema?: string;
  /** A live subscription reads again after this long without a notification, in case one was lost. */
  readonly pollMs?: number;
  /** Connections in the pool; every append holds one until it commits. */
  readonly maxConnections?: number;
  /** Wait before the first retry after a subscription's read fails; it doubles up to maxRetryDelayMs. */
  readonly retryDelayMs?: number;
  readonly maxRetryDelayMs?: number;
  /** Told of every failed read of a live subscription before it is retried, so the failure can be logged. */
  readonly onSubscriptionError?: (error: unknown, retryInMs: number) => void;
}

interface EventRow {
  position: string;
  event_id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: unknown;
  metadata: EventMetadataRecord;
  recorded_at: Date;
}

/**
 * The shared store: one PostgreSQL database, which any number of api instances may use at once.
 * One events table per schema with a global identity position, UNIQUE(stream_id, revision) and
 * unique event ids. Appends are transactions serialised by an advisory lock (see
 * appendFunctionSql), so readers see the global order without gaps that fill later. Live
 * subscribers are woken by LISTEN/NOTIFY, from whichever instance appended.
 */
export class PostgresEventStore implements EventStore {
  readonly kind = 'postgres';
  readonly names: StoreNames;
  private readonly pool: Pool;
  private readonly connection: ClientConfig;
  private readonly notifier = new AppendNotifier();
  private readonly closing = new AbortController();
  private readonly pollMs: number;
  private readonly retryDelayMs: number;
  private readonly maxRetryDelayMs: number;
  private readonly onSubscriptionError?: (error: unknown, retryInMs: number) => void;
  private ready: Promise<void> | null = null;
  private listener: Promise<Client> | null = null;

  constructor(connectionString: string, options: PostgresEventStoreOptions = {}) {
    this.names = storeNames(options.schema ?? 'public');
    this.pollMs = options.pollMs ?? 1_000;
    this.retryDelayMs = options.retryDelayMs ?? 100;
    this.maxRetryDelayMs = options.maxRetryDelayMs ?? 5_000;
    this.onSubscriptionError = options.onSubscriptionError;
    // Without a timeout a connection to an unroutable host waits forever instead of failing.
    this.connection = { connectionString, connectionTimeoutMillis: 10_000 };
    this.pool = new Pool({ ...this.connection, max: options.maxConnections ?? 10 });
    // An idle connection the server closes is dropped from the pool; the next query opens another.
    this.pool.on('error', () => undefined);
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('An append needs at least one event.');
    await this.migrated();
    const redactions = redactionsIn(streamId, events);
    const client = await this.pool.connect();
    let broken = false;
    try {
      // Most appends are one statement, a transaction of its own; a redaction also rewrites rows
      // after the append's own, so it needs a transaction around them all.
      if (redactions.length > 0) await client.query('BEGIN');
      const result = await appendEvents(client, this.names, streamId, events, options.expectedRevision, redactions);
      if (redactions.length > 0) await client.query('COMMIT');
      this.notifier.notify();
      return result;
    } catch (error) {
      // A connection that cannot even roll back is closed rather than handed to the next append.
      // (Outside a transaction ROLLBACK only draws a warning: it still shows the connection works.)
      broken = await client.query('ROLLBACK').then(
        () => false,
        () => true,
      );
      throw await this.explained(error, streamId, events, options.expectedRevision);
    } finally {
      client.release(broken);
    }
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    await this.migrated();
    const result = await this.pool.query<EventRow>(
      `SELECT * FROM ${this.names.events} WHERE stream_id = $1 AND revision >= $2 ORDER BY revision LIMIT $3`,
      [streamId, options.fromRevision ?? 0, options.limit ?? null],
    );
    return this.withTexts(result.rows);
  }

  async readEvent(eventId: string): Promise<StoredEvent | null> {
    await this.migrated();
    const result = await this.pool.query<EventRow>(`SELECT * FROM ${this.names.events} WHERE event_id = $1`, [eventId]);
    return (await this.withTexts(result.rows))[0] ?? null;
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    await this.migrated();
    const result = await this.pool.query<EventRow>(
      `SELECT * FROM ${this.names.events} WHERE position > $1 ORDER BY position LIMIT $2`,
      [options.from ?? 0, options.limit ?? null],
    );
    return this.withTexts(result.rows);
  }

  subscribeAll(options: SubscribeOptions = {}): AsyncIterable<StoredEvent> {
    const signal = options.signal ? AbortSignal.any([options.signal, this.closing.signal]) : this.closing.signal;
    return followAll((from, limit) => this.readPageRetrying(from, limit, signal), this.notifier, {
      from: options.from,
      signal,
      pollMs: this.pollMs,
    });
  }

  async lastPosition(): Promise<Position | null> {
    await this.migrated();
    const result = await this.pool.query<{ position: string | null }>(
      `SELECT max(position) AS position FROM ${this.names.events}`,
    );
    const position = result.rows[0].position;
    return position === null ? null : Number(position);
  }

  async close(): Promise<void> {
    if (this.closing.signal.aborted) return;
    this.closing.abort();
    const listener = this.listener;
    this.listener = null;
    await listener?.then((client) => client.end()).catch(() => undefined);
    await this.pool.end();
  }

  /** Creates the schema and table on first use; every later call waits on that once. A failure is retried next time. */
  private migrated(): Promise<void> {
    this.ready ??= this.migrate().catch((error: unknown) => {
      this.ready = null;
      throw error;
    });
    return this.ready;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      // Under the append lock, so instances starting together do not race to create the same table.
      await client.query(`SELECT pg_advisory_xact_lock(${this.names.appendLock})`);
      // Checked first: CREATE SCHEMA IF NOT EXISTS needs the right to create schemas even when it exists.
      const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [this.names.schema]);
      if (exists.rowCount === 0) await client.query(`CREATE SCHEMA ${client.escapeIdentifier(this.names.schema)}`);
      await client.query(createTableSql(this.names));
      await client.query(appendFunctionSql(this.names));
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * A subscription's read. It makes sure this store is listening first, so an append that commits
   * after the read wakes the subscriber; a failed read is retried with a backoff until the
   * subscription is stopped, so a restart of the server pauses delivery rather than ending it.
   */
  private async readPageRetrying(from: Position | null, limit: number, signal: AbortSignal): Promise<StoredEvent[]> {
    let delay = this.retryDelayMs;
    while (!signal.aborted) {
      try {
        await this.listening();
        return await this.readAll({ from, limit });
      } catch (error) {
        if (signal.aborted) break;
        this.onSubscriptionError?.(error, delay);
        await sleep(delay, signal);
        delay = Math.min(delay * 2, this.maxRetryDelayMs);
      }
    }
    return [];
  }

  /** One connection per store LISTENs for appends from every instance; reopened after it is lost. */
  private async listening(): Promise<void> {
    if (!this.listener) {
      const attempt: Promise<Client> = this.listen(() => {
        if (this.listener !== attempt) return;
        this.listener = null;
        // Subscribers read again now, and so reconnect, rather than wait out a poll.
        this.notifier.notify();
      });
      this.listener = attempt;
      attempt.catch(() => {
        if (this.listener === attempt) this.listener = null;
      });
    }
    await this.listener;
  }

  private async listen(onLost: () => void): Promise<Client> {
    const client = new Client(this.connection);
    let gone = false;
    const lost = () => {
      if (gone) return;
      gone = true;
      void client.end().catch(() => undefined);
      if (!this.closing.signal.aborted) onLost();
    };
    client.on('notification', () => this.notifier.notify());
    client.on('error', lost);
    client.on('end', lost);
    try {
      await client.connect();
      await client.query(`LISTEN ${client.escapeIdentifier(this.names.channel)}`);
    } catch (error) {
      gone = true;
      await client.end().catch(() => undefined);
      throw error;
    }
    return client;
  }

  /** Events from their rows, each free-text field joined back from event_texts, "[redacted]" where it is gone. */
  private async withTexts(rows: readonly EventRow[]): Promise<StoredEvent[]> {
    if (rows.length === 0) return [];
    const texts = await this.pool.query<KeptTextRow>(
      `SELECT * FROM ${this.names.texts} WHERE event_id = ANY($1::text[])`,
      [rows.map((row) => row.event_id)],
    );
    return withKeptTexts(rows.map(toStoredEvent), texts.rows);
  }

  /** Turns a constraint the database enforced into the port's error for it. */
  private async explained(
    error: unknown,
    streamId: string,
    events: readonly NewEvent[],
    expected: ExpectedRevision,
  ): Promise<unknown> {
    if (!(error instanceof DatabaseError) || error.code !== '23505') return error;
    if (error.constraint === 'events_stream_revision_key') {
      return new WrongExpectedVersionError(streamId, expected, await currentRevision(this.pool, this.names, streamId));
    }
    if (error.constraint === 'events_event_id_key') {
      const reused = events.find((event) => error.detail?.includes(event.id));
      return new DuplicateEventIdError(reused?.id ?? events[0].id);
    }
    return error;
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: Number(row.revision),
    position: Number(row.position),
    type: row.type,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at.toISOString(),
  };
}
