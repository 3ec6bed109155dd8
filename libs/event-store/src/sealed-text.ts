import { FIELD_REDACTED, freeTextPaths, REDACTED_TEXT, REDACTIONS_STREAM, valueAtPath } from '@app/domain';
import type { FieldRedacted } from '@app/domain';
import { createHash, randomBytes } from 'node:crypto';
import { NewEvent, StoredEvent } from './event-store';

/** The key of the object that stands for a sealed field in the form the chain hashes. */
export const TEXT_MARKER = '$text';

/**
 * A free-text field kept beside its event (R40, A7): the chain hashes `{ "$text": digest }` in
 * its place, where digest = SHA-256(salt || text). The salt is null once the field is redacted:
 * the text and the salt are gone, and the digest alone reveals nothing of the text.
 */
export interface SealedText {
  readonly path: string;
  readonly digest: string;
  readonly salt: string | null;
}

export function textDigest(salt: string, text: string): string {
  return createHash('sha256').update(Buffer.from(salt, 'hex')).update(text, 'utf8').digest('hex');
}

/** Seals every free-text field the domain declares for `type`, each with its own random salt. */
export function sealTexts(type: string, data: unknown): SealedText[] {
  return freeTextPaths(type, data).map((path) => {
    const salt = randomBytes(32).toString('hex');
    return { path, salt, digest: textDigest(salt, valueAtPath(data, path) as string) };
  });
}

/** A copy of `data` with `value` at the dotted path; the path's objects must exist. */
export function withValueAt(data: unknown, path: string, value: unknown): unknown {
  const [key, ...rest] = path.split('.');
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw new Error(`Event data has no field at ${path}.`);
  }
  const record = data as Record<string, unknown>;
  return { ...record, [key]: rest.length === 0 ? value : withValueAt(record[key], rest.join('.'), value) };
}

/** The data with each sealed field replaced by its marker: what the chain hashes and the SQLite store keeps. */
export function hashedForm(data: unknown, texts: readonly SealedText[] = []): unknown {
  return texts.reduce((sealed, text) => withValueAt(sealed, text.path, { [TEXT_MARKER]: text.digest }), data);
}

/** The markers in data held in hashed form, each with its dotted path. */
export function markersIn(data: unknown, prefix = ''): { path: string; digest: string }[] {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return [];
  const record = data as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === TEXT_MARKER && typeof record[TEXT_MARKER] === 'string') {
    return [{ path: prefix, digest: record[TEXT_MARKER] }];
  }
  return keys.flatMap((key) => markersIn(record[key], prefix ? `${prefix}.${key}` : key));
}

/**
 * Readable data from the hashed form and the texts still kept beside it (by path): each kept
 * text in its place, "[redacted]" where the text is gone.
 */
export function openHashedForm(
  hashed: unknown,
  kept: ReadonlyMap<string, { salt: string; text: string }>,
): { data: unknown; texts: SealedText[] } {
  const texts = markersIn(hashed).map(({ path, digest }) => ({ path, digest, salt: kept.get(path)?.salt ?? null }));
  const data = texts.reduce((open, { path }) => withValueAt(open, path, kept.get(path)?.text ?? REDACTED_TEXT), hashed);
  return { data, texts };
}

/** A row of a store's table of texts kept beside their events. */
export interface KeptTextRow {
  readonly event_id: string;
  readonly path: string;
  readonly salt: string;
  readonly text: string;
}

/** Events read with their data in hashed form, made readable with the texts still kept for them. */
export function withKeptTexts(events: readonly StoredEvent[], rows: readonly KeptTextRow[]): StoredEvent[] {
  const kept = new Map<string, Map<string, { salt: string; text: string }>>();
  for (const { event_id, path, salt, text } of rows) {
    const texts = kept.get(event_id) ?? new Map<string, { salt: string; text: string }>();
    texts.set(path, { salt, text });
    kept.set(event_id, texts);
  }
  return events.map((event) => {
    const { data, texts } = openHashedForm(event.data, kept.get(event.id) ?? new Map());
    return texts.length === 0 ? event : { ...event, data, texts };
  });
}

/** What a redaction asks the store to delete, when `event` appended to `streamId` records one. */
export interface TextRedaction {
  readonly eventId: string;
  readonly path: string;
  /** For a field held in plain form: the digest to hold in its place. */
  readonly digest: string | null;
}

export function textRedactionIn(streamId: string, event: Pick<NewEvent, 'type' | 'data'>): TextRedaction | null {
  if (streamId !== REDACTIONS_STREAM || event.type !== FIELD_REDACTED) return null;
  const data = event.data as FieldRedacted['data'];
  return { eventId: data.eventId, path: data.field, digest: data.reanchor?.digest ?? null };
}
