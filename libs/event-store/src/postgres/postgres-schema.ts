import { createHash } from 'node:crypto';
import { escapeIdentifier } from 'pg';

/** Lower-case letters, digits and underscores, short enough for the notification channel name. */
export const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,49}$/;

/** The names one store uses inside its schema: its table, its notification channel and its lock. */
export interface StoreNames {
  readonly schema: string;
  /** The events table, schema-qualified and quoted. */
  readonly events: string;
  /** The free text kept beside the events (see sealed-text.ts), schema-qualified and quoted. */
  readonly texts: string;
  /** The LISTEN/NOTIFY channel; one per schema so stores in other schemas are not woken. */
  readonly channel: string;
  /** The transaction-level advisory lock every append of this schema takes, as a bigint literal. */
  readonly appendLock: string;
  /** The server-side function that makes one append (see postgres-append.ts), schema-qualified and quoted. */
  readonly appendFunction: string;
}

export function storeNames(schema: string): StoreNames {
  if (!SCHEMA_NAME.test(schema)) {
    throw new Error(
      `"${schema}" cannot name a PostgreSQL schema for events: use lower-case letters, digits and underscores (at most 50).`,
    );
  }
  return {
    schema,
    events: `${escapeIdentifier(schema)}.events`,
    texts: `${escapeIdentifier(schema)}.event_texts`,
    channel: `events_${schema}`,
    appendLock: createHash('sha256').update(`${schema}.events`).digest().readBigInt64BE(0).toString(),
    appendFunction: `${escapeIdentifier(schema)}.append_events`,
  };
}

/**
 * Data and metadata are JSON, not JSONB: stored as the text that was written, as on SQLite, so
 * every string an event can carry (JSONB refuses \u0000) reads back exactly as it was hashed.
 */
export function createTableSql(names: StoreNames): string {
  return `
CREATE TABLE IF NOT EXISTS ${names.events} (
  position    BIGINT      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  event_id    TEXT        NOT NULL,
  stream_id   TEXT        NOT NULL,
  revision    BIGINT      NOT NULL CHECK (revision >= 0),
  type        TEXT        NOT NULL,
  data        JSON        NOT NULL,
  metadata    JSON        NOT NULL,
  recorded_at TIMESTAMPTZ NOT NULL DEFAULT now(),
  CONSTRAINT events_event_id_key UNIQUE (event_id),
  CONSTRAINT events_stream_revision_key UNIQUE (stream_id, revision)
);
CREATE TABLE IF NOT EXISTS ${names.texts} (
  event_id TEXT NOT NULL,
  path     TEXT NOT NULL,
  salt     TEXT NOT NULL,
  text     TEXT NOT NULL,
  PRIMARY KEY (event_id, path)
)`;
}
