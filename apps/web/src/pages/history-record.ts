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
