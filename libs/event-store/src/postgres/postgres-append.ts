import { ClientBase, Pool } from 'pg';
import { assertExpectedRevision, detectRetriedAppend, ExistingEvent } from '../append-rules';
import { AppendResult, ExpectedRevision, NewEvent } from '../event-store';
import { hashedForm, TEXT_MARKER, TextRedaction, textRedactionIn, withValueAt } from '../sealed-text';
import { valueAtPath } from '@app/domain';
import { StoreNames } from './postgres-schema';

/**
 * The body of one append, run by `client` inside a transaction it has begun and will commit.
 *
 * It first takes the schema's append lock, a transaction-level advisory lock held until commit or
 * rollback. Appends therefore take their positions one transaction at a time, and a position is
 * only handed out after every earlier one has committed or rolled back: a reader that sees
 * position n can never later find a smaller position committed. (A rolled-back append leaves a
 * gap in the numbers, but one nothing fills later.) The same lock makes the expected-revision
 * check and the insert one atomic step across every process sharing the database; the unique
 * constraint on (stream_id, revision) backs it against writers that do not take the lock.
 *
 * NOTIFY inside the transaction is delivered by the server only when it commits.
 */
export async function appendInTransaction(
  client: ClientBase,
  names: StoreNames,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
): Promise<AppendResult> {
  // An append is acknowledged only once durable, whatever the server's or database's default.
  await client.query(`SET LOCAL synchronous_commit = on; SELECT pg_advisory_xact_lock(${names.appendLock})`);

  const found = await client.query<{ id: string; streamId: string; revision: string; position: string }>(
    `SELECT event_id AS id, stream_id AS "streamId", revision, position FROM ${names.events} WHERE event_id = ANY($1::text[])`,
    [events.map((event) => event.id)],
  );
  const byId = new Map<string, ExistingEvent>(
    found.rows.map((row) => [
      row.id,
      { id: row.id, streamId: row.streamId, revision: Number(row.revision), position: Number(row.position) },
    ]),
  );
  const retried = detectRetriedAppend(
    streamId,
    events,
    events.map((event) => byId.get(event.id)),
  );
  if (retried) return { nextRevision: retried.revision, position: retried.position };

  const current = await currentRevision(client, names, streamId);
  assertExpectedRevision(streamId, expected, current);

  const inserted = await client.query<{ position: string; revision: string }>(
    `WITH inserted AS (
       INSERT INTO ${names.events} (event_id, stream_id, revision, type, data, metadata)
       SELECT e.id, $1, $2 + e.ord, e.type, e.data, e.metadata
       FROM unnest($3::text[], $4::text[], $5::json[], $6::json[]) WITH ORDINALITY AS e(id, type, data, metadata, ord)
       ORDER BY e.ord
       RETURNING position, revision
     )
     SELECT max(position) AS position, max(revision) AS revision, pg_notify($7, max(position)::text)
     FROM inserted`,
    [
      streamId,
      current ?? -1,
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(hashedForm(event.data, event.texts))),
      events.map((event) => JSON.stringify(event.metadata)),
      names.channel,
    ],
  );
  const kept = events.flatMap((event) =>
    (event.texts ?? []).map(({ path, salt }) => {
      if (salt === null) throw new Error(`A new event cannot hold a redacted text (${path}).`);
      return { id: event.id, path, salt, text: valueAtPath(event.data, path) as string };
    }),
  );
  if (kept.length > 0) {
    await client.query(
      `INSERT INTO ${names.texts} (event_id, path, salt, text) SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])`,
      [kept.map((t) => t.id), kept.map((t) => t.path), kept.map((t) => t.salt), kept.map((t) => t.text)],
    );
  }
  for (const event of events) {
    const redaction = textRedactionIn(streamId, event);
    if (redaction) await redact(client, names, redaction);
  }
  const last = inserted.rows[0];
  return { nextRevision: Number(last.revision), position: Number(last.position) };
}

/** The stream's last revision, or null when it has no events. */
export async function currentRevision(
  client: ClientBase | Pool,
  names: StoreNames,
  streamId: string,
): Promise<number | null> {
  const result = await client.query<{ revision: string | null }>(
    `SELECT max(revision) AS revision FROM ${names.events} WHERE stream_id = $1`,
    [streamId],
  );
  const revision = result.rows[0].revision;
  return revision === null ? null : Number(revision);
}

/** Deletes a sealed text, or seals a plain one under the digest the redaction recorded; inside the append. */
async function redact(client: ClientBase, names: StoreNames, { eventId, path, digest }: TextRedaction): Promise<void> {
  if (digest === null) {
    const deleted = await client.query(`DELETE FROM ${names.texts} WHERE event_id = $1 AND path = $2`, [eventId, path]);
    if (deleted.rowCount !== 1) throw new Error(`Event ${eventId} holds no text at ${path} to redact.`);
    return;
  }
  const found = await client.query<{ data: unknown }>(`SELECT data FROM ${names.events} WHERE event_id = $1`, [
    eventId,
  ]);
  const data = found.rows[0]?.data;
  if (typeof valueAtPath(data, path) !== 'string')
    throw new Error(`Event ${eventId} holds no text at ${path} to redact.`);
  await client.query(`UPDATE ${names.events} SET data = $1::json WHERE event_id = $2`, [
    JSON.stringify(withValueAt(data, path, { [TEXT_MARKER]: digest })),
    eventId,
  ]);
}
