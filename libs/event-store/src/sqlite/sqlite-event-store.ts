import Database from 'better-sqlite3';
import { AppendNotifier } from '../append-notifier';
import { assertExpectedRevision, detectRetriedAppend, ExistingEvent } from '../append-rules';
import {
  AppendResult,
  EventMetadataRecord,
  EventStore,
  ExpectedRevision,
  NewEvent,
  Position,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
  SubscribeOptions,
} from '../event-store';
import { followAll } from '../follow-all';

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
);`;

export interface SqliteEventStoreOptions {
  /** How often a live subscription looks for events written by other processes. */
  readonly pollMs?: number;
}

/**
 * The embedded store: one SQLite file in WAL mode with synchronous=FULL, so an append returns
 * only once its transaction is on disk. Appends are synchronous transactions, which makes this
 * process the single writer of each append; other processes (the CLI) may write between them.
 */
export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly notifier = new AppendNotifier();
  private readonly pollMs: number;
  private readonly statements;
  private readonly appendTransaction;

  constructor(
    readonly file: string,
    options: SqliteEventStoreOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 500;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    this.db.exec(SCHEMA);
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
      readStream: this.db.prepare<[string, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision',
      ),
      readAll: this.db.prepare<[number, number], EventRow>(
        'SELECT * FROM events WHERE position > ? ORDER BY position LIMIT ?',
      ),
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
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
            recordedAt,
          );
          position = Number(info.lastInsertRowid);
        }
        return { nextRevision: revision, position };
      },
    );
  }

  async append(
    streamId: string,
    events: readonly NewEvent[],
    options: { expectedRevision: ExpectedRevision },
  ): Promise<AppendResult> {
    if (events.length === 0) throw new Error('An append needs at least one event.');
    const result = this.appendTransaction.immediate(streamId, events, options.expectedRevision);
    this.notifier.notify();
    return result;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    return this.statements.readStream.all(streamId, options.fromRevision ?? 0).map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.statements.readAll.all(options.from ?? 0, options.limit ?? -1).map(toStoredEvent);
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
    if (this.db.open) this.db.close();
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row.event_id,
    streamId: row.stream_id,
    revision: row.revision,
    position: row.position,
    type: row.type,
    data: JSON.parse(row.data),
    metadata: JSON.parse(row.metadata) as EventMetadataRecord,
    recordedAt: row.recorded_at,
  };
}
