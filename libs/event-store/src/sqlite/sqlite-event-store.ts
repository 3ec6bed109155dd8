import Database from 'better-sqlite3';
import { AppendNotifier } from '../append-notifier';
import { assertExpectedRevision, detectRetriedAppend, ExistingEvent } from '../append-rules';
import {
  AppendResult,
  EventMetadataRecord,
  EventStore,
  ExpectedRevision,
  LogEntry,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from '../event-store';
import { followAll } from '../follow-all';
import {
  hashedForm,
  KeptTextRow,
  TEXT_MARKER,
  TextRedaction,
  textRedactionIn,
  withKeptTexts,
  withValueAt,
} from '../sealed-text';
import { WriteAheadLogEmptier } from './write-ahead-log-emptier';
import { valueAtPath } from '@app/domain';

/** A LogEntry as read, its hash as JSON and its data as JSON or null. */
interface LogEntryRow extends Omit<LogEntry, 'hash' | 'data'> {
  readonly hash: string | null;
  readonly data: string | null;
}

interface EventRow {
  position: number;
  event_id: string;
  stream_id: string;
  revision: number;
  type: string;
  data: string;
  metadata: string;
  recorded_at: string;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY AUTOINCREMENT,
  event_id    TEXT    NOT NULL UNIQUE,
  stream_id   TEXT    NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT    NOT NULL,
  data        TEXT    NOT NULL,
  metadata    TEXT    NOT NULL,
  recorded_at TEXT    NOT NULL,
  UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS event_texts (
  event_id TEXT NOT NULL,
  path     TEXT NOT NULL,
  salt     TEXT NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (event_id, path)
) WITHOUT ROWID;`;

/** How a sealed field's marker begins in an event's data as stored (JSON.stringify never escapes it). */
const SEALED_FIELD = JSON.stringify(TEXT_MARKER);

/** How long a statement waits for another connection's lock before SQLite answers busy. */
const BUSY_TIMEOUT_MS = 5000;

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for events written by other processes. */
  readonly pollMs?: number;
  /**
   * False only for a store that can be thrown away, such as a benchmark's seeded log: appends
   * then return before their transaction is on disk (synchronous=OFF), which bulk seeding needs.
   */
  readonly durable?: boolean;
  /**
   * How long after a redaction whose write-ahead log could not be emptied (a reader held it) the
   * store tries again, besides after each later commit; 10 s unless given (see WriteAheadLogEmptier).
   */
  readonly emptyLogRetryMs?: number;
  /** Where the store says that a redacted text is still in its log, and when it is gone; the console unless given. */
  readonly logger?: { log(message: string): void; warn(message: string): void };
}

/** An append waiting for the group commit it will be part of. */
interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedRevision;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

/** What one append of a group came to inside the group's transaction. */
type GroupedOutcome = { readonly result: AppendResult } | { readonly error: unknown };

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so an append returns
 * only once its transaction is on disk. Appends are synchronous transactions, which makes this
 * process the single writer of each append; other processes (the CLI) may write between them.
 *
 * Group commit: the appends made in one turn of the event loop (concurrent requests) are written
 * in one transaction, each inside a savepoint of its own, and answered once that transaction is on
 * disk, so one sync of the write-ahead log covers them all. Each append is checked against what the
 * ones before it in the group wrote, as if they had been committed one by one; one that is refused
 * rolls back to its savepoint and fails alone. If the commit itself fails, every append of the group
 * fails and nothing of it is written.
 *
 * Free text is kept in event_texts, beside the event whose data holds its salted digest, so that
 * a FieldRedacted event deletes it in the transaction that records it. secure_delete overwrites
 * what is deleted, and the write-ahead log is truncated after a redaction, so the text's bytes
 * leave the files (once no other connection holds the log: see WriteAheadLogEmptier). A store
 * made before event_texts existed gains the table when it is opened; its events keep the plain
 * form their hashes cover.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly notifier = new AppendNotifier();
  private readonly pollMs: number;
  private readonly statements;
  private readonly appendTransaction;
  private readonly groupTransaction;
  private pending: PendingAppend[] = [];
  private committing: Promise<void> | null = null;
  private closing = false;
  private readonly logEmptier: WriteAheadLogEmptier;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma(options.durable === false ? 'synchronous = OFF' : 'synchronous = FULL');
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    this.db.pragma('secure_delete = ON');
    this.logEmptier = new WriteAheadLogEmptier(this.db, {
      owner: "the event store's",
      retryMs: options.emptyLogRetryMs,
      logger: options.logger ?? console,
    });
    const sealedBefore = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'event_texts'").get() !== undefined;
    const heldEvents = this.db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events'").get() !== undefined;
    this.db.exec(SCHEMA);
    // A store written before secure_delete may hold copies of old rows in free space; rebuilt once, it holds none.
    if (heldEvents && !sealedBefore) this.db.exec('VACUUM');
    // LIMIT +? and not LIMIT ?: SQLite plans with a LIMIT's bound value, so a bare parameter there
    // makes it compile the statement again at every execution, for reads every request makes.
    this.statements = {
      currentRevision: this.db.prepare<[string], { revision: number | null }>(
        'SELECT MAX(revision) AS revision FROM events WHERE stream_id = ?',
      ),
      byId: this.db.prepare<[string], ExistingEvent>(
        'SELECT event_id AS id, stream_id AS streamId, revision, position FROM events WHERE event_id = ?',
      ),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, revision, type, data, metadata, recorded_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      ),
      insertText: this.db.prepare('INSERT INTO event_texts (event_id, path, salt, text) VALUES (?, ?, ?, ?)'),
      deleteText: this.db.prepare('DELETE FROM event_texts WHERE event_id = ? AND path = ?'),
      setData: this.db.prepare('UPDATE events SET data = ? WHERE event_id = ?'),
      dataOf: this.db.prepare<[string], { data: string }>('SELECT data FROM events WHERE event_id = ?'),
      readStream: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT +?',
      ),
      readAll: this.db.prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT +?',
      ),
      // By the ids of the page's events that hold a sealed field, as a JSON array (see textsOf).
      readAllTexts: this.db.prepare<[string], KeptTextRow>(
        'SELECT * FROM event_texts WHERE event_id IN (SELECT value FROM json_each(?))',
      ),
      readLogEntries: this.db.prepare<[{ dataOf: string; from: number; limit: number }], LogEntryRow>(
        `SELECT position, stream_id AS streamId, type,
           CASE json_type(metadata, '$.occurredAt') WHEN 'text' THEN metadata ->> '$.occurredAt' ELSE recorded_at END
             AS occurredAt,
           metadata -> '$.hash' AS hash, CASE WHEN stream_id = @dataOf THEN data END AS data
         FROM events WHERE position > @from ORDER BY position LIMIT +@limit`,
      ),
      readEvent: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
      readEventTexts: this.db.prepare<[string], KeptTextRow>('SELECT * FROM event_texts WHERE event_id = ?'),
      lastPosition: this.db.prepare<[], { position: number | null }>('SELECT MAX(position) AS position FROM events'),
    };
    this.appendTransaction = this.db.transaction(
      (streamId: string, events: readonly NewEvent[], expected: ExpectedRevision): AppendResult => {
        const retried = detectRetriedAppend(
          streamId,
          events,
          events.map((event) => this.statements.byId.get(event.id)),
        );
        if (retried) return { nextRevision: retried.revision, position: retried.position };
        const current = this.statements.currentRevision.get(streamId)?.revision ?? null;
        assertExpectedRevision(streamId, expected, current);
        const recordedAt = new Date().toISOString();
        let revision = current ?? -1;
        let position = 0;
        for (const event of events) {
          revision += 1;
          const info = this.statements.insert.run(
            event.id,
            streamId,
            revision,
            event.type,
            JSON.stringify(hashedForm(event.data, event.texts)),
            JSON.stringify(event.metadata),
            recordedAt,
          );
          position = Number(info.lastInsertRowid);
          for (const { path, salt } of event.texts ?? []) {
            if (salt === null) throw new Error(`A new event cannot hold a redacted text (${path}).`);
            this.statements.insertText.run(event.id, path, salt, valueAtPath(event.data, path));
          }
          const redaction = textRedactionIn(streamId, event);
          if (redaction) this.redact(redaction);
        }
        return { nextRevision: revision, position };
      },
    );
    // Called inside the group's transaction, appendTransaction runs in a savepoint of its own.
    this.groupTransaction = this.db.transaction((group: readonly PendingAppend[]): GroupedOutcome[] =>
      group.map(({ streamId, events, expected }) => {
        try {
          return { result: this.appendTransaction(streamId, events, expected) };
        } catch (error) {
          // An I/O error or a full disk can end the whole transaction; then the group fails as one.
          if (!this.db.inTransaction) throw error;
          return { error };
        }
      }),
    );
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('An append needs at least one event.');
    if (this.closing) throw new Error('The event store is closing: the append was not recorded.');
    return new Promise((resolve, reject) => {
      this.pending.push({ streamId, events, expected: options.expectedRevision, resolve, reject });
      this.committing ??= new Promise((done) => setImmediate(done)).then(() => this.commitPending());
    });
  }

  /** Commits every append made since the last group, in one transaction, then answers each. */
  private commitPending(): void {
    const group = this.pending;
    this.pending = [];
    this.committing = null;
    let outcomes: GroupedOutcome[];
    try {
      outcomes = this.groupTransaction.immediate(group);
    } catch (error) {
      for (const append of group) append.reject(error);
      return;
    }
    const wrote = outcomes.some((outcome) => 'result' in outcome);
    const redacted = group.some(
      ({ streamId, events }, n) => 'result' in outcomes[n] && events.some((event) => textRedactionIn(streamId, event)),
    );
    // The redacted text may still be in frames of the write-ahead log until it is checkpointed and emptied.
    if (wrote) {
      this.logEmptier.afterCommit(redacted);
      this.notifier.notify();
    }
    group.forEach((append, n) => {
      const outcome = outcomes[n];
      if ('result' in outcome) append.resolve(outcome.result);
      else append.reject(outcome.error);
    });
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const rows = this.statements.readStream.all(streamId, options.fromRevision ?? 0, options.limit ?? -1);
    if (rows.length === 0) return [];
    return withTexts(rows, this.textsOf(rows));
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const from = options.from ?? 0;
    const rows = this.statements.readAll.all(from, options.limit ?? -1);
    if (rows.length === 0) return [];
    return withTexts(rows, this.textsOf(rows));
  }

  /**
   * The texts kept for the rows' events. Only an event whose data holds a sealed field's marker has
   * any (no other's are ever read back), so only those are looked up: fewer than half of a
   * domain-shaped log's, and looking up every event of a page cost a catch-up as much as reading its rows.
   */
  private textsOf(rows: readonly EventRow[]): KeptTextRow[] {
    const sealed = rows.filter((row) => row.data.includes(SEALED_FIELD)).map((row) => row.event_id);
    return sealed.length === 0 ? [] : this.statements.readAllTexts.all(JSON.stringify(sealed));
  }

  async readLogEntries(options: ReadAllOptions & { readonly dataOf: string }): Promise<LogEntry[]> {
    const rows = this.statements.readLogEntries.all({
      dataOf: options.dataOf,
      from: options.from ?? 0,
      limit: options.limit ?? -1,
    });
    // Undefined, not null, for a hash that is missing: the leaf is what the full event would give.
    return rows.map((row) => ({
      ...row,
      hash: row.hash === null ? undefined : (JSON.parse(row.hash) as unknown),
      data: row.data === null ? null : (JSON.parse(row.data) as unknown),
    }));
  }

  async readEvent(eventId: string): Promise<StoredEvent | null> {
    const row = this.statements.readEvent.get(eventId);
    return row ? withTexts([row], this.statements.readEventTexts.all(eventId))[0] : null;
  }

  subscribeAll(options: SubscribeOptions = {}): AsyncIterable<StoredEvent> {
    return followAll((from, limit) => this.readAll({ from, limit }), this.notifier, {
      ...options,
      pollMs: this.pollMs,
    });
  }

  async lastPosition(): Promise<Position | null> {
    return this.statements.lastPosition.get()?.position ?? null;
  }

  async close(): Promise<void> {
    // Appends already waiting are committed; any made from now on (a follow-up to one of them) are refused.
    this.closing = true;
    await this.committing;
    this.logEmptier.stop();
    if (this.db.open) this.db.close();
  }

  /** Deletes a sealed text, or seals a plain one under the digest the redaction recorded; inside the append. */
  private redact({ eventId, path, digest }: TextRedaction): void {
    if (digest === null) {
      if (this.statements.deleteText.run(eventId, path).changes !== 1) {
        throw new Error(`Event ${eventId} holds no text at ${path} to redact.`);
      }
      return;
    }
    const row = this.statements.dataOf.get(eventId);
    const data: unknown = row ? JSON.parse(row.data) : undefined;
    if (typeof valueAtPath(data, path) !== 'string')
      throw new Error(`Event ${eventId} holds no text at ${path} to redact.`);
    this.statements.setData.run(JSON.stringify(withValueAt(data, path, { [TEXT_MARKER]: digest })), eventId);
  }
}

/** Events from their rows, each free-text field joined back from event_texts, "[redacted]" where it is gone. */
function withTexts(rows: readonly EventRow[], textRows: readonly KeptTextRow[]): StoredEvent[] {
  return withKeptTexts(
    rows.map((row) => ({
      id: row.event_id,
      streamId: row.stream_id,
      revision: row.revision,
      position: row.position,
      type: row.type,
      data: JSON.parse(row.data) as unknown,
      metadata: JSON.parse(row.metadata) as EventMetadataRecord,
      recordedAt: row.recorded_at,
    })),
    textRows,
  );
}
