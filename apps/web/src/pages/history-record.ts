import { longDate } from '@app/domain';
import { humanise } from '../components';
import { html, Html } from '../html';

/** The record an event is in, as the history API names it; null for the platform's people and roles. */
export interface HistoryRecord {
  id: string;
  groupId: string | null;
  name: string | null;
  startsAt: string | null;
}

/** The page each kind of record has, where it has one: a communication is read in the inboxes it flowed to. */
const PAGES: Readonly<Partial<Record<string, (record: HistoryRecord, groupId: string) => string>>> = {
  REGIONAL_GROUP: (_, groupId) => `/groups/${groupId}`,
  MEETING: (record, groupId) => `/groups/${groupId}/meetings/${record.id}`,
  WORKSTREAM: (record, groupId) => `/groups/${groupId}/workstreams/${record.id}`,
  POLICY: (_, groupId) => `/groups/${groupId}/policies`,
};

function pageOf(kind: string, record: HistoryRecord, readableAreaIds: ReadonlySet<string>): string | null {
  if (kind === 'LOCAL_ARRANGEMENT') return readableAreaIds.has(record.id) ? `/areas/${record.id}/inbox` : null;
  const page = PAGES[kind];
  return page && record.groupId ? page(record, record.groupId) : null;
}

/**
 * What an auditor reads of the record an event is in: its kind, its name linked to its page where it has
 * both, and its exact stream id, which auditors cite and match to the export. An area's inbox is linked
 * only when it is one of `readableAreaIds`, those the API says the reader may read (R43).
 */
export function historyRecordCell(
  kind: string,
  streamId: string,
  record: HistoryRecord | null,
  readableAreaIds: ReadonlySet<string>,
): Html {
  const name = record?.name ?? (record?.startsAt ? `Meeting on ${longDate(record.startsAt)}` : null);
  const page = record && name ? pageOf(kind, record, readableAreaIds) : null;
  const called = page ? html`<a class="govuk-link" href="${page}">${name}</a>` : (name ?? '');
  return html`${humanise(kind)}${name ? html`: ${called}` : html``}<br /><code class="govuk-body-s">${streamId}</code>`;
}

/** The parts of an event's data that say what it is about in words, in this order: a name first. */
const TELLING_KEYS = ['name', 'successorName', 'title', 'reference', 'period', 'role', 'status', 'decision'] as const;
/** How much of one part the table shows: the export keeps it whole. */
const PART_LENGTH = 80;

/**
 * What an event says in words, for an auditor scanning the history ("Core partner admitted" ×9 tells
 * nothing without the partner's name): the top-level words of its data under the keys above, each cut
 * short, never its ids. An event whose data the reader may not read says it is withheld.
 */
export function historyDetails(data: string, withheld: boolean): string {
  if (withheld) return 'Withheld';
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return '';
  }
  if (!parsed || typeof parsed !== 'object') return '';
  const record = parsed as Record<string, unknown>;
  return TELLING_KEYS.flatMap((key) => {
    const value = record[key];
    if (typeof value !== 'string' || value.trim() === '') return [];
    const text = value.trim();
    return [text.length > PART_LENGTH ? `${text.slice(0, PART_LENGTH - 1)}…` : humaniseCode(text)];
  }).join(', ');
}

/** A code such as CHAIR reads as "Chair"; anything a person typed stays as typed. */
function humaniseCode(text: string): string {
  return /^[A-Z][A-Z_]+$/.test(text) ? humanise(text) : text;
}
