import { Controller, Get, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { importJWK, JWK, KeyLike } from 'jose';
import { dateTime, longDate, mayReadHistory } from '@app/domain';
import { parseSignedTreeHead, treeHeadSignatureProblem, verifyConsistency } from '@app/event-store';
import { ApiClient, ApiRefusal } from '../api-client';
import {
  ANY,
  button,
  csrfField,
  dateInput,
  DateReading,
  FieldError,
  humanise,
  radios,
  select,
  table,
  textarea,
  textInput,
  readDate,
} from '../components';
import { html } from '../html';
import { eventTypeInWords } from './event-type-words';
import { historyDetails, HistoryRecord, historyRecordCell } from './history-record';
import { filterAddressRefusals, HISTORY_ORDERS, historyFilterRefusal } from './history-filter-refusal';
import { historyFilterChoices, withAddressed } from './history-filter-choices';
import { Head, LOG_KEY_PATH, signedHeadSummary } from './signed-head';
import { PageContext, Pages, queryOf } from '../page-context';

const HEAD = `{ integrity { head { treeSize rootHash timestamp keyId signature } } }`;

const HISTORY = `query History($filter: HistoryFilter, $first: Int!, $after: String, $order: HistoryOrder!) {
  history(filter: $filter, first: $first, after: $after, order: $order) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id position type kind streamId record { id groupId name startsAt } happenedOn recordedAt reason data withheld
      actor { personId name partnerName roles }
    } }
  }
}`;
/** Of a group, the areas whose inboxes the reader may read (R43), as the API answers. */
const READABLE_AREAS = `query($id: ID!) { regionalGroup(id: $id) { readableAreaIds } }`;
const KINDS = [
  'REGIONAL_GROUP',
  'MEETING',
  'POLICY',
  'WORKSTREAM',
  'COMMUNICATION',
  'LOCAL_ARRANGEMENT',
  'ACCESS',
  'OTHER',
];
/** The lists the filter's form offers, from which an edited address may not stray. */
const OFFERED = { kind: KINDS, order: HISTORY_ORDERS.map((order) => order.value) };
/** How each order is said above the events and in their table's caption. */
const ORDER_WORDS: Readonly<Record<string, string>> = {
  RECORDED: 'in the order recorded',
  HAPPENED: 'in the order they happened (by the day each happened, then as recorded)',
};
const PAGE_SIZE = 25;
const EXPORT_PAGE_SIZE = 100;
/** The refusals of a filter the person can correct: an id no event concerns, "from" after "to" or today, a bad date. */
const FILTER_REFUSALS = ['NOT_FOUND', 'VALIDATION_FAILED'];

interface HistoryEvent {
  id: string;
  position: number;
  type: string;
  kind: string;
  streamId: string;
  record: HistoryRecord | null;
  happenedOn: string;
  recordedAt: string;
  reason: string | null;
  data: string;
  /** The API's word that `data` and `reason` are not this reader's to see (R42, R43), which the export keeps. */
  withheld: boolean;
  actor: { personId: string | null; name: string | null; partnerName: string | null; roles: string[] };
}
interface HistoryPage {
  history: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: HistoryEvent }[];
  };
}
type Filter = Record<string, string | string[]>;

/** The order the address asks for: the log's unless it asks for the order things happened. */
const orderOf = (query: Record<string, string>): string => (query.order === 'HAPPENED' ? 'HAPPENED' : 'RECORDED');

/**
 * The filter the form's fields name, as the history query takes it; empty fields are left out.
 * Dates are read first: one that is not a real day is an error and never reaches the API.
 */
function filterOf(query: Record<string, string>): { filter: Filter; from: DateReading; to: DateReading } {
  const filter: Filter = {};
  for (const name of ['entityId', 'personId', 'partnerId']) if (query[name]?.trim()) filter[name] = query[name].trim();
  const from = readDate(query, 'from', 'The from date');
  const to = readDate(query, 'to', 'The to date');
  if (from.date) filter.from = from.date;
  if (to.date) filter.to = to.date;
  if (query.kind) filter.kinds = [query.kind];
  return { filter, from, to };
}

/** The areas of these events' local arrangements whose inboxes the reader may read: one question per group. */
async function readableAreasOf(api: ApiClient, events: readonly HistoryEvent[]): Promise<Set<string>> {
  const groupIds = new Set(
    events.flatMap(({ kind, record }) => (kind === 'LOCAL_ARRANGEMENT' && record?.groupId ? [record.groupId] : [])),
  );
  const answers = await Promise.all(
    [...groupIds].map((id) => api.send<{ regionalGroup: { readableAreaIds: string[] } }>(READABLE_AREAS, { id })),
  );
  return new Set(answers.flatMap((answer) => answer.regionalGroup.readableAreaIds));
}

const PROOF = `query Proof($from: Int!) { integrity { head { treeSize rootHash } consistencyProof(from: $from) { toSize hashes } } }`;

/** The log's public key, as the server publishes it to anyone. */
async function logKey(api: ApiClient): Promise<KeyLike> {
  return (await importJWK((await api.getJson(LOG_KEY_PATH)) as JWK, 'ES256')) as KeyLike;
}

/** The integrity of the log as this page can check it: the newest head's signature against the log's key. */
async function verifiedHead(api: ApiClient): Promise<{ head: Head | null; problem: string | null }> {
  const { head } = (await api.send<{ integrity: { head: Head | null } }>(HEAD)).integrity;
  if (!head) return { head, problem: null };
  return { head, problem: await treeHeadSignatureProblem(head, await logKey(api)) };
}

/**
 * A head someone kept, checked as `cli verify --witness` checks it but through the API: its signature
 * with the log's key, then the consistency proof that the log it saw is a prefix of today's (A4).
 * A sentence saying what held, or the problem as a form error.
 */
const WITNESS_NOT_JSON = 'Paste the signed head as the platform gave it (JSON): what is pasted here is not JSON.';

async function witnessOutcome(api: ApiClient, text: string): Promise<string | FieldError> {
  if (text.trim() === '')
    return { field: 'witness', text: 'Paste the signed head you kept: the head.json downloaded from this page' };
  let kept;
  try {
    kept = parseSignedTreeHead(JSON.parse(text));
  } catch (error) {
    if (error instanceof SyntaxError) return { field: 'witness', text: WITNESS_NOT_JSON };
    return { field: 'witness', text: `Paste a head.json as downloaded from this page: ${(error as Error).message}` };
  }
  const signature = await treeHeadSignatureProblem(kept, await logKey(api));
  if (signature) return { field: 'witness', text: `The head was not signed by this log: ${signature}.` };
  const { integrity } = await api.send<{
    integrity: { head: { treeSize: number; rootHash: string }; consistencyProof: { toSize: number; hashes: string[] } };
  }>(PROOF, { from: kept.treeSize });
  const holds = verifyConsistency(
    kept.treeSize,
    integrity.consistencyProof.toSize,
    Buffer.from(kept.rootHash, 'hex'),
    Buffer.from(integrity.head.rootHash, 'hex'),
    integrity.consistencyProof.hashes.map((hash) => Buffer.from(hash, 'hex')),
  );
  return holds
    ? `The history you kept holds: the first ${kept.treeSize} of ${integrity.consistencyProof.toSize} events still have root ${kept.rootHash}.`
    : {
        field: 'witness',
        text: `The log is not an extension of the head you kept (${kept.treeSize} events, signed ${kept.timestamp}): its history was altered, cut short or reordered since.`,
      };
}

@Controller('audit')
export class AuditController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async show(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      this.render(context, queryOf(request), filterAddressRefusals(request.query, OFFERED)),
    );
  }

  /** The history the filter selects, every page of it, as JSON Lines: one event a line, in the order the page shows. */
  @Get('export.jsonl')
  async export(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async (context) => {
      const { api } = context;
      const query = queryOf(request);
      const { filter, from, to } = filterOf(query);
      const refused = filterAddressRefusals(request.query, OFFERED);
      const order = orderOf(query);
      // Not a wider export than asked for: the page shows what is wrong with the filter instead.
      if (refused.length > 0 || from.error || to.error) return this.render(context, query, refused);
      let page: HistoryPage;
      try {
        page = await api.send<HistoryPage>(HISTORY, { filter, first: EXPORT_PAGE_SIZE, after: null, order });
      } catch (error) {
        // A filter the API refuses (a from date to come, say) is told on the page, as the page tells it.
        if (!(error instanceof ApiRefusal) || !FILTER_REFUSALS.includes(error.code)) throw error;
        return this.render(context, query, refused);
      }
      response.status(200).set({
        'content-type': 'application/x-ndjson; charset=utf-8',
        'content-disposition': 'attachment; filename="history.jsonl"',
        'cache-control': 'no-store',
      });
      for (;;) {
        for (const { node } of page.history.edges) response.write(`${JSON.stringify(node)}\n`);
        if (!page.history.pageInfo.hasNextPage) break;
        page = await api.send<HistoryPage>(HISTORY, {
          filter,
          first: EXPORT_PAGE_SIZE,
          after: page.history.pageInfo.endCursor,
          order,
        });
      }
      response.end();
    });
  }

  @Post('witness')
  async witness(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async (context) => {
      const text = context.form.witness ?? '';
      let outcome: string | FieldError;
      try {
        outcome = await witnessOutcome(context.api, text);
      } catch (error) {
        // A size the log never had is the API's VALIDATION_FAILED: the kept head is not of this log.
        if (!(error instanceof ApiRefusal) || error.code !== 'VALIDATION_FAILED') throw error;
        outcome = { field: 'witness', text: error.message };
      }
      await this.render(
        context,
        {},
        [],
        typeof outcome === 'string' ? { verdict: outcome, text } : { error: outcome, text },
      );
    });
  }

  @Get('head.json')
  async head(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async ({ api }) => {
      const { head } = (await api.send<{ integrity: { head: Head | null } }>(HEAD)).integrity;
      response
        .status(head ? 200 : 404)
        .set({ 'content-type': 'application/json', 'content-disposition': 'attachment; filename="head.json"' })
        .send(`${JSON.stringify(head, null, 2)}\n`);
    });
  }

  private async render(
    { api, render, session, viewer }: PageContext,
    query: Record<string, string>,
    refused: readonly FieldError[],
    witness: { verdict?: string; error?: FieldError; text: string } | null = null,
  ): Promise<void> {
    const { head, problem } = await verifiedHead(api);
    const { filter, from, to } = filterOf(query);
    const order = orderOf(query);
    // The signed head is everyone's to keep and check (the `integrity` query); the history is not (A2, R43).
    const readsHistory = mayReadHistory(viewer.roles.map((grant) => grant.role));
    // A filter the page cannot read shows no history rather than more than was asked for.
    const filterErrors = readsHistory
      ? [...refused, ...[from.error, to.error].filter((error): error is FieldError => error !== null)]
      : [];
    let errors: FieldError[] = [...(witness?.error ? [witness.error] : []), ...filterErrors];
    let history: HistoryPage['history'] | null = null;
    if (readsHistory && filterErrors.length === 0) {
      try {
        history = (
          await api.send<HistoryPage>(HISTORY, { filter, first: PAGE_SIZE, after: query.after || null, order })
        ).history;
      } catch (error) {
        if (!(error instanceof ApiRefusal) || !FILTER_REFUSALS.includes(error.code)) throw error;
        errors = [...errors, historyFilterRefusal(error)];
      }
    }
    const readableAreaIds = await readableAreasOf(api, history?.edges.map(({ node }) => node) ?? []);
    const choices = readsHistory ? await historyFilterChoices(api) : null;
    const search = new URLSearchParams(Object.entries(query).filter(([name]) => name !== 'after'));
    const next = history?.pageInfo.hasNextPage
      ? `/audit?${new URLSearchParams([...search, ['after', history.pageInfo.endCursor ?? '']]).toString()}`
      : null;
    render({
      title: 'Audit',
      current: '/audit',
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<h1 class="govuk-heading-l">Audit</h1>
        <h2 class="govuk-heading-m">Integrity of the history</h2>
        <p class="govuk-body">
          Every change is an event in a hash-chained log. The platform signs the head of the log (its size and the
          Merkle root of every event so far); keep a copy, and a later check proves the history you saw has not been
          altered, cut short or reordered since.
        </p>
        ${
          head
            ? html`${signedHeadSummary(head, problem)}
                <p class="govuk-body">
                  <a class="govuk-link" href="/audit/head.json" download>Download the signed head (JSON)</a>, then check
                  it later with <code>npm run cli -- verify --witness head.json</code>.
                </p>`
            : html`<p class="govuk-body">No head has been signed yet.</p>`
        }
        ${witness?.verdict ? html`<div class="govuk-inset-text" id="witness-verdict">${witness.verdict}</div>` : html``}
        <form method="post" action="/audit/witness" novalidate>
          ${csrfField(session.csrfToken)}
          ${textarea({
            id: 'witness',
            name: 'witness',
            label: 'Check a head you kept',
            hint: 'Paste the JSON of a head.json downloaded earlier: its signature is checked, and the proof that today’s log extends it.',
            value: witness?.text,
            errors,
          })}
          ${button('Check the head', 'secondary')}
        </form>

        <h2 class="govuk-heading-m">History</h2>
        ${
          choices
            ? html`<form method="get" action="/audit" novalidate>
                ${textInput({
                  id: 'entityId',
                  name: 'entityId',
                  label: 'Entity id',
                  hint: 'A group, partner, appointment, meeting, policy, workstream or task. Its id ends the address of its page (a meeting’s is /groups/…/meetings/ then its id) and the stream id beneath each event’s record below.',
                  value: query.entityId,
                  errors,
                })}
                ${select({
                  id: 'personId',
                  name: 'personId',
                  label: 'Person',
                  hint: 'What they did, and what names them: the groups’ representatives, present and former.',
                  value: query.personId?.trim(),
                  errors,
                  choices: withAddressed(choices.people, query.personId),
                })}
                ${select({
                  id: 'partnerId',
                  name: 'partnerId',
                  label: 'Partner',
                  hint: 'What was done for the partner, and what names it.',
                  value: query.partnerId?.trim(),
                  errors,
                  choices: withAddressed(choices.partners, query.partnerId),
                })}
                ${select({
                  id: 'kind',
                  name: 'kind',
                  label: 'Kind of record',
                  value: query.kind,
                  errors,
                  choices: [ANY, ...KINDS.map((kind) => ({ value: kind, text: humanise(kind) }))],
                })}
                ${dateInput({ id: 'from', name: 'from', label: 'Happened from', typed: from.typed, errors })}
                ${dateInput({ id: 'to', name: 'to', label: 'Happened to', typed: to.typed, errors })}
                ${radios({
                  id: 'order',
                  name: 'order',
                  label: 'Order',
                  hint: 'History entered years later reads where it was recorded, or where it happened.',
                  value: order,
                  errors,
                  small: true,
                  choices: HISTORY_ORDERS,
                })}
                ${button('Show history', 'secondary')}
              </form>`
            : html`<p class="govuk-body" id="history-closed">
                The history of every change, with who made it and why, is for auditors and administrators: you can keep
                and check the signed head above, but not read or download the history.
              </p>`
        }
        ${
          history
            ? html`<p class="govuk-body">
                  ${history.totalCount} ${history.totalCount === 1 ? 'event matches' : 'events match'}, shown
                  ${ORDER_WORDS[order]}.
                  <a class="govuk-link" href="/audit/export.jsonl?${search.toString()}" download
                    >Download them all (JSON Lines)</a
                  >
                </p>
                ${table(
                  `Events, ${ORDER_WORDS[order]}`,
                  ['Position', 'Event', 'Record', 'Details', 'Happened', 'Recorded', 'By', 'Reason'],
                  history.edges.map(({ node }) => [
                    String(node.position),
                    // The exact type stays to hand for an auditor matching it to the export.
                    html`<span title="${node.type}">${eventTypeInWords(node.type)}</span>`,
                    historyRecordCell(node.kind, node.streamId, node.record, readableAreaIds),
                    historyDetails(node.data, node.withheld),
                    longDate(node.happenedOn),
                    dateTime(node.recordedAt),
                    [node.actor.name, node.actor.partnerName].filter(Boolean).join(', ') || 'The platform',
                    node.reason ?? '',
                  ]),
                )}
                ${next ? html`<p class="govuk-body"><a class="govuk-link" href="${next}">Next events</a></p>` : html``}`
            : html``
        }`,
    });
  }
}
