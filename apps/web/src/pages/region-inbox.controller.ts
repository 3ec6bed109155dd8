import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { longDate, SENT_ITEM_STATUSES } from '@app/domain';
import {
  acknowledgeCell,
  ANY,
  button,
  csrfField,
  DateReading,
  FieldError,
  forPeople,
  humanise,
  idempotencyField,
  readDate,
  select,
  table,
  textarea,
} from '../components';
import { ApiRefusal } from '../api-client';
import { html } from '../html';
import { PageContext, Pages, queryOf } from '../page-context';
import { formChange, FormFields } from './form-change';
import { groupNavigation } from './group-nav';
import {
  bySentDay,
  dueDayOf,
  everyNode,
  NodePage,
  REPORT_UP_FIELDS,
  ReportUp,
  reportUpTag,
  reportUpTitle,
  responsesList,
} from './reports-up-views';

const INBOX = `query RegionInbox($id: ID!, $kind: InboxItemKind, $status: ReportUpStatus, $areaId: ID, $after: String) {
  regionalGroup(id: $id) {
    id name areas { id name } readableAreaIds viewerMayAnswerAreas
    inbox(kind: $kind, status: $status, areaId: $areaId, first: 100, after: $after) {
      edges { node { ${REPORT_UP_FIELDS} } }
      pageInfo { hasNextPage endCursor }
    }
  }
}`;
interface InboxPage {
  regionalGroup: {
    id: string;
    name: string;
    areas: { id: string; name: string }[];
    readableAreaIds: string[];
    viewerMayAnswerAreas: boolean;
    inbox: NodePage<ReportUp>;
  };
}

const KINDS = ['YEARLY_REPORT', 'PERFORMANCE_FIGURES', 'ESCALATION', 'LOCAL_DECISION', 'PRACTICE_REVIEW_DECISION'];
// Only what the areas sent is here, so none of it is still due: the statuses offered are those it can have.
const STATUSES: readonly string[] = SENT_ITEM_STATUSES;

/**
 * The response form's one field; each escalation has its own. Its label goes on to name the
 * escalation and its area, for those who hear the page's several forms one after another.
 */
const responseFields = (itemId: string): FormFields => ({
  response: { id: `respond-${itemId}`, label: 'The region’s response' },
});

/** The resolution form's one field, each escalation's own, named as the response's is. */
const resolutionFields = (itemId: string): FormFields => ({
  resolution: { id: `resolve-${itemId}`, label: 'How the region resolved it' },
});

/** The region's inbox (L2): what its areas sent up, filtered, acknowledged and answered by its members. */
@Controller('groups/:groupId/inbox')
export class RegionInboxController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async show(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    const filters = Object.fromEntries(
      ['kind', 'status', 'areaId'].map((name) => [
        name,
        typeof request.query[name] === 'string' ? request.query[name] : '',
      ]),
    );
    await this.pages.handle(request, response, (context) =>
      this.render(context, groupId, filters, [], {}, readDate(queryOf(request), 'asAt', 'The date')),
    );
  }

  @Post('acknowledge')
  async acknowledge(
    @Param('groupId') groupId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      formChange(
        context,
        `acknowledge-${context.form.itemId ?? ''}`,
        async () => {
          const { acknowledgeInboxItem } = await context.api.send<{
            acknowledgeInboxItem: { kind: string; title: string };
          }>('mutation($i: AcknowledgeInboxItemInput!) { acknowledgeInboxItem(input: $i) { kind title } }', {
            i: { groupId, itemId: context.form.itemId, idempotencyKey: context.form.idempotencyKey },
          });
          return `“${forPeople(acknowledgeInboxItem)}” is acknowledged.`;
        },
        `/groups/${groupId}/inbox`,
        (errors) => this.render(context, groupId, {}, errors),
      ),
    );
  }

  /** The region's response to an escalation, in its own stream (R11). */
  @Post('respond')
  async respond(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => {
      const { form, api } = context;
      const fields = responseFields(form.itemId ?? '');
      return formChange(
        context,
        fields,
        async () => {
          if (!form.response?.trim()) return [{ field: fields.response.id, text: 'Enter the region’s response' }];
          const { respondToEscalation } = await api.send<{ respondToEscalation: { title: string } }>(
            'mutation($i: RespondToEscalationInput!) { respondToEscalation(input: $i) { title } }',
            {
              i: { groupId, itemId: form.itemId, response: form.response.trim(), idempotencyKey: form.idempotencyKey },
            },
          );
          return `The response to “${respondToEscalation.title}” is recorded.`;
        },
        `/groups/${groupId}/inbox`,
        (errors) => this.render(context, groupId, {}, errors, form),
      );
    });
  }

  /** The region resolves an escalation: it leaves the escalations awaiting resolution, and no response follows. */
  @Post('resolve')
  async resolve(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => {
      const { form, api } = context;
      const fields = resolutionFields(form.itemId ?? '');
      return formChange(
        context,
        fields,
        async () => {
          if (!form.resolution?.trim())
            return [{ field: fields.resolution.id, text: 'Enter how the region resolved the escalation' }];
          const { resolveEscalation } = await api.send<{ resolveEscalation: { title: string } }>(
            'mutation($i: ResolveEscalationInput!) { resolveEscalation(input: $i) { title } }',
            {
              i: {
                groupId,
                itemId: form.itemId,
                resolution: form.resolution.trim(),
                idempotencyKey: form.idempotencyKey,
              },
            },
          );
          return `“${resolveEscalation.title}” is resolved.`;
        },
        `/groups/${groupId}/inbox`,
        (errors) => this.render(context, groupId, {}, errors, form),
      );
    });
  }

  private async render(
    { api, session, render }: PageContext,
    groupId: string,
    filters: Record<string, string>,
    formErrors: FieldError[],
    values: Record<string, string> = {},
    asAt: DateReading | null = null,
  ): Promise<void> {
    const wanted = (name: string, allowed?: readonly string[]) =>
      filters[name] && (!allowed || allowed.includes(filters[name])) ? filters[name] : null;
    let group: InboxPage['regionalGroup'] | null = null;
    const inbox = (areaId: string | null) =>
      everyNode(async (after) => {
        const page = await api.send<InboxPage>(INBOX, {
          id: groupId,
          kind: wanted('kind', KINDS),
          status: wanted('status', STATUSES),
          areaId,
          after,
        });
        group = page.regionalGroup;
        return page.regionalGroup.inbox;
      });
    let areaRefused = false;
    const recorded = await inbox(wanted('areaId')).catch((error: unknown) => {
      // The group's areas come with the inbox, so an area in an edited address is sent as it is: one the API
      // refuses (not the group's, or not an id) is named in the error summary, and the list shown without it.
      if (!(error instanceof ApiRefusal && error.field === 'areaId' && filters.areaId)) throw error;
      areaRefused = true;
      return inbox(null);
    });
    // A kind or status the lists do not offer (an edited address) is named in the error summary, not sent.
    const errors = [
      ...formErrors,
      ...(filters.kind && !KINDS.includes(filters.kind)
        ? [{ field: 'kind', text: 'Choose a kind from the list' }]
        : []),
      ...(filters.status && !STATUSES.includes(filters.status)
        ? [
            {
              field: 'status',
              text: 'Choose a status from the list, Late or Received',
            },
          ]
        : []),
      ...(areaRefused ? [{ field: 'areaId', text: 'Choose an area from the list' }] : []),
    ];
    const items = bySentDay(recorded);
    const { id, name, areas, readableAreaIds, viewerMayAnswerAreas } = group as unknown as InboxPage['regionalGroup'];
    const areaName = new Map(areas.map((area) => [area.id, area.name]));
    const areaOf = (item: { areaId: string }) => areaName.get(item.areaId) ?? item.areaId;
    const escalations = items.filter((item) => item.kind === 'ESCALATION' && !item.resolvedOn && item.detail !== null);
    render({
      title: `Region inbox – ${name}`,
      current: '/',
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<span class="govuk-caption-l">Regional group</span>
        <h1 class="govuk-heading-l">${name}</h1>
        ${groupNavigation(id, 'inbox', asAt?.date ?? null)}
        <h2 class="govuk-heading-m">Region inbox</h2>
        ${
          // Reached from a page seen as at a day, it says it cannot follow, rather than show today's as that day's.
          asAt?.date || asAt?.error
            ? html`<div class="govuk-inset-text" id="as-at-limits">
                The region inbox shows what the areas sent as it stands today: the platform cannot show it as at
                ${asAt.date ? longDate(asAt.date) : 'another day'}.
              </div>`
            : html``
        }
        <p class="govuk-body">
          What the group’s areas sent up, oldest first by the day sent, with the day each was due as at today.
        </p>
        ${
          // The API answers by the rule the acknowledgement and the response are decided by; one who reads
          // no area's reports is told so below instead.
          viewerMayAnswerAreas || readableAreaIds.length === 0
            ? html``
            : html`<p class="govuk-body" id="answers-by-members">
                The group’s current representatives acknowledge these items and respond to escalations; you may read
                them but not answer them.
              </p>`
        }
        <form method="get" action="/groups/${id}/inbox" novalidate>
          <div class="app-inline-list">
            ${select({
              id: 'kind',
              name: 'kind',
              label: 'Kind',
              value: filters.kind,
              errors,
              choices: [ANY, ...KINDS.map((kind) => ({ value: kind, text: humanise(kind) }))],
            })}
            ${select({
              id: 'status',
              name: 'status',
              label: 'Status',
              value: filters.status,
              errors,
              choices: [ANY, ...STATUSES.map((status) => ({ value: status, text: humanise(status) }))],
            })}
            ${select({
              id: 'areaId',
              name: 'areaId',
              label: 'Area',
              value: filters.areaId,
              errors,
              choices: [ANY, ...areas.map((area) => ({ value: area.id, text: area.name }))],
            })}
          </div>
          ${
            // The day the group is read on, kept across a filter as the navigation keeps it.
            asAt?.date
              ? (['day', 'month', 'year'] as const).map(
                  (part) => html`<input type="hidden" name="asAt-${part}" value="${asAt.typed[part]}" />`,
                )
              : html``
          }
          ${button('Filter', 'secondary')}
        </form>
        ${
          items.length === 0
            ? html`<p class="govuk-body">
                ${
                  // The API says whose reports the reader may read; an empty list is not for want of a match.
                  readableAreaIds.length === 0
                    ? 'You may read none of the areas’ reports: administrators run the platform but do not read what the areas send up to the region.'
                    : 'No item matches.'
                }
              </p>`
            : table(
                `${items.length} ${items.length === 1 ? 'item' : 'items'}`,
                ['Item', 'Area', 'Kind', 'Sent', 'Due', 'Status', 'Acknowledged'],
                items.map((item) => [
                  reportUpTitle(item),
                  areaOf(item),
                  humanise(item.kind),
                  longDate(item.receivedOn),
                  dueDayOf(item),
                  reportUpTag(item.status),
                  // The API says whether it waits, by the rule the area's inbox shows too: an answer stands for it.
                  item.awaitingAcknowledgement
                    ? acknowledgeCell({
                        mayAcknowledge: viewerMayAnswerAreas,
                        csrfToken: session.csrfToken,
                        action: `/groups/${id}/inbox/acknowledge`,
                        item: { name: 'itemId', value: item.id },
                        spokenAs: `${forPeople(item)} from ${areaOf(item)}`,
                      })
                    : item.acknowledgedAt
                      ? longDate(item.acknowledgedAt)
                      : 'Answered',
                ]),
              )
        }
        <h2 class="govuk-heading-m">Escalations awaiting resolution</h2>
        ${
          escalations.length === 0
            ? html`<p class="govuk-body">No open escalation you may read matches.</p>`
            : escalations.map(
                (item) =>
                  html`<h3 class="govuk-heading-s">${forPeople(item)} (${areaOf(item)})</h3>
                    <p class="govuk-body">${item.detail}</p>
                    ${
                      item.responses.length === 0
                        ? html`<p class="govuk-body">The region has not responded yet.</p>`
                        : responsesList(item)
                    }
                    ${
                      viewerMayAnswerAreas
                        ? html`<form method="post" action="/groups/${id}/inbox/respond" novalidate>
                              ${csrfField(session.csrfToken)}${idempotencyField()}
                              <input type="hidden" name="itemId" value="${item.id}" />
                              ${textarea({
                                id: responseFields(item.id).response.id,
                                name: 'response',
                                label: `${responseFields(item.id).response.label} to “${forPeople(item)}” from ${areaOf(item)}`,
                                value: values.itemId === item.id ? values.response : undefined,
                                errors,
                              })}
                              ${button('Send the response', 'primary', { hidden: `to “${forPeople(item)}” from ${areaOf(item)}` })}
                            </form>
                            <form method="post" action="/groups/${id}/inbox/resolve" novalidate>
                              ${csrfField(session.csrfToken)}${idempotencyField()}
                              <input type="hidden" name="itemId" value="${item.id}" />
                              ${textarea({
                                id: resolutionFields(item.id).resolution.id,
                                name: 'resolution',
                                label: `${resolutionFields(item.id).resolution.label}: “${forPeople(item)}” from ${areaOf(item)}`,
                                hint: 'Once resolved, the escalation takes no further response.',
                                value: values.itemId === item.id ? values.resolution : undefined,
                                errors,
                              })}
                              ${button('Resolve the escalation', 'secondary', { hidden: `“${forPeople(item)}” from ${areaOf(item)}` })}
                            </form>`
                        : html``
                    }`,
              )
        }`,
    });
  }
}
