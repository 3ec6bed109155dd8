import { ClientBase, Pool } from 'pg';
import { detectRetriedAppend, ExistingEvent } from '../append-rules';
import { AppendResult, ExpectedRevision, NewEvent, WrongExpectedVersionError } from '../event-store';
import { hashedForm, TEXT_MARKER, TextRedaction, textRedactionIn, withValueAt } from '../sealed-text';
import { valueAtPath } from '@app/domain';
import { StoreNames } from './postgres-schema';

/**
 * The server-side function every append calls, created with the table. One call is one round
 * trip; sent on its own it is a whole transaction, because the server commits a lone statement of
 * the extended protocol at its Sync and the driver answers only after the server has committed.
 *
 * It first takes the schema's append lock, a transaction-level advisory lock held until commit or
 * rollback. Appends therefore take their positions one transaction at a time, and a position is
 * only handed out after every earlier one has committed or rolled back: a reader that sees
 * position n can never later find a smaller position committed. (A rolled-back append leaves a
 * gap in the numbers, but one nothing fills later.) The same lock makes the expected-revision
 * check and the insert one atomic step across every process sharing the database; the unique
 * constraint on (stream_id, revision) backs it against writers that do not take the lock. It is a
 * PL/pgSQL function, not one SQL statement, because each of its statements reads with a snapshot
 * taken when it starts, after the lock is granted; a single statement would read with the snapshot
 * taken before it waited for the lock, and miss the append it waited on.
 *
 * The check is assertExpectedRevision's (append-rules.ts), made here rather than in the process so
 * that the database itself refuses a stale append, from whichever process sharing it: under the
 * lock, with no round trip between reading the revision and inserting. A change to one belongs in
 * the other; the store contract suite (testing/event-store-contract.ts) runs the same cases
 * against both. NOTIFY is delivered by the server only when the transaction commits.
 *
 * One result per outcome: 'recorded', one row per event id already recorded and nothing written
 * (appendOutcome tells a retried append from a reused id); 'refused', the stream's last revision,
 * when the expected revision does not hold; 'appended', the last revision and position written.
 */
export function appendFunctionSql(names: StoreNames): string {
  return `
CREATE OR REPLACE FUNCTION ${names.appendFunction}(
  p_stream text, p_expected text, p_ids text[], p_types text[], p_data json[], p_metadata json[],
  p_text_ids text[], p_text_paths text[], p_text_salts text[], p_texts text[]
) RETURNS TABLE (outcome text, id text, stream text, at_revision bigint, at_position bigint)
LANGUAGE plpgsql AS $$
DECLARE
  last_revision bigint;
  last_position bigint;
  expected_holds boolean;
BEGIN
  -- An append is acknowledged only once durable, whatever the server's or database's default.
  PERFORM set_config('synchronous_commit', 'on', true);
  PERFORM pg_advisory_xact_lock(${names.appendLock});
  RETURN QUERY SELECT 'recorded', e.event_id, e.stream_id, e.revision, e.position
    FROM ${names.events} e WHERE e.event_id = ANY (p_ids);
  IF FOUND THEN RETURN; END IF;
  SELECT max(e.revision) INTO last_revision FROM ${names.events} e WHERE e.stream_id = p_stream;
  -- assertExpectedRevision's rule (append-rules.ts), kept in the database so it holds across processes.
  expected_holds := CASE p_expected
    WHEN 'any' THEN true
    WHEN 'no_stream' THEN last_revision IS NULL
    WHEN 'stream_exists' THEN last_revision IS NOT NULL
    ELSE last_revision IS NOT DISTINCT FROM p_expected::bigint
  END;
  IF NOT expected_holds THEN
    RETURN QUERY SELECT 'refused', NULL::text, p_stream, last_revision, NULL::bigint;
    RETURN;
  END IF;
  WITH inserted AS (
    INSERT INTO ${names.events} AS e (event_id, stream_id, revision, type, data, metadata)
    SELECT n.id, p_stream, coalesce(last_revision, -1) + n.ord, n.type, n.data, n.metadata
    FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS n(id, type, data, metadata, ord)
    ORDER BY n.ord
    RETURNING e.revision, e.position
  )
  SELECT max(i.revision), max(i.position) INTO last_revision, last_position FROM inserted i;
  INSERT INTO ${names.texts} (event_id, path, salt, text)
    SELECT * FROM unnest(p_text_ids, p_text_paths, p_text_salts, p_texts);
  PERFORM pg_notify('${names.channel}', last_position::text);
  RETURN QUERY SELECT 'appended', NULL::text, p_stream, last_revision, last_position;
END
$$`;
}

interface OutcomeRow {
  outcome: 'recorded' | 'refused' | 'appended';
  id: string | null;
  stream: string;
  at_revision: string | null;
  at_position: string | null;
}

/** The redactions of sealed texts an append records, each carried out in the same transaction. */
export function redactionsIn(streamId: string, events: readonly NewEvent[]): TextRedaction[] {
  return events.flatMap((event) => textRedactionIn(streamId, event) ?? []);
}

/**
 * One append on `client`. Without redactions it is one round trip, a transaction of its own
 * unless the caller has begun one; with redactions the caller must have begun the transaction,
 * so that the rewritten rows commit with the append or not at all.
 */
export async function appendEvents(
  client: ClientBase,
  names: StoreNames,
  streamId: string,
  events: readonly NewEvent[],
  expected: ExpectedRevision,
  redactions: readonly TextRedaction[],
): Promise<AppendResult> {
  const kept = events.flatMap((event) =>
    (event.texts ?? []).map(({ path, salt }) => {
      if (salt === null) throw new Error(`A new event cannot hold a redacted text (${path}).`);
      return { id: event.id, path, salt, text: valueAtPath(event.data, path) as string };
    }),
  );
  const { rows } = await client.query<OutcomeRow>({
    // Named, so each connection parses and plans the call once; by schema, as a name's text is fixed.
    name: `append-events-${names.schema}`,
    text: `SELECT * FROM ${names.appendFunction}($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    values: [
      streamId,
      String(expected),
      events.map((event) => event.id),
      events.map((event) => event.type),
      events.map((event) => JSON.stringify(hashedForm(event.data, event.texts))),
      events.map((event) => JSON.stringify(event.metadata)),
      kept.map((t) => t.id),
      kept.map((t) => t.path),
      kept.map((t) => t.salt),
      kept.map((t) => t.text),
    ],
  });
  const [first] = rows;
  if (first.outcome === 'refused') {
    throw new WrongExpectedVersionError(
      streamId,
      expected,
      first.at_revision === null ? null : Number(first.at_revision),
    );
  }
  if (first.outcome === 'recorded') {
    const byId = new Map<string, ExistingEvent>(
      rows.map((row) => [
        String(row.id),
        {
          id: String(row.id),
          streamId: row.stream,
          revision: Number(row.at_revision),
          position: Number(row.at_position),
        },
      ]),
    );
    // Rows come back only for ids already recorded, so this is a retry or it throws.
    const retried = detectRetriedAppend(
      streamId,
      events,
      events.map((event) => byId.get(event.id)),
    ) as ExistingEvent;
    return { nextRevision: retried.revision, position: retried.position };
  }
  for (const redaction of redactions) await redact(client, names, redaction);
  return { nextRevision: Number(first.at_revision), position: Number(first.at_position) };
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
