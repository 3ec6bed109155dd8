import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import {
  button,
  csrfField,
  FieldError,
  humanise,
  idempotencyField,
  longDate,
  radios,
  table,
  tag,
  textarea,
} from '../components';
import { html } from '../html';
import { PageContext, Pages } from '../page-context';
import { formChange } from './form-change';

const FEED = `query Feed($areaId: ID!, $after: String) {
  areaFeed(areaId: $areaId, first: 100, after: $after) {
    edges { node { id cursor kind title occurredAt acknowledgedAt subjectId policyVersion } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const AREAS = `{ regionalGroups(first: 100) { edges { node { name areas { id name } } } } }`;

interface FeedItem {
  id: string;
  cursor: string;
  kind: string;
  title: string;
  occurredAt: string;
  acknowledgedAt: string | null;
  subjectId: string;
  policyVersion: number | null;
}

const DECISIONS = [
  { value: 'ADOPTED', text: 'Adopted' },
  { value: 'ADOPTED_WITH_VARIATION', text: 'Adopted with a local variation', hint: 'Describe the variation below.' },
  { value: 'NOT_ADOPTED', text: 'Not adopted', hint: 'Give the reason below.' },
];
interface FeedPage {
  areaFeed: { edges: { node: FeedItem }[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

@Controller('areas/:areaId/inbox')
export class InboxController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async show(@Param('areaId') areaId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => this.render(context, areaId, []));
  }

  @Post('acknowledge')
  async acknowledge(
    @Param('areaId') areaId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      formChange(
        context,
        `acknowledge-${context.form.cursor ?? ''}`,
        async () => {
          const { acknowledgeFeedItem } = await context.api.send<{ acknowledgeFeedItem: { title: string } }>(
            'mutation($i: AcknowledgeFeedItemInput!) { acknowledgeFeedItem(input: $i) { title } }',
            { i: { areaId, cursor: context.form.cursor, idempotencyKey: context.form.idempotencyKey } },
          );
          return `“${acknowledgeFeedItem.title}” is acknowledged.`;
        },
        `/areas/${areaId}/inbox`,
        (errors) => this.render(context, areaId, errors),
      ),
    );
  }

  /** The area's decision on a version of a policy that flowed down (its business manager's, L2). */
  @Post('policy-decision')
  async decide(@Param('areaId') areaId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => {
      const { form, api } = context;
      const field = (name: string) => `${form.cursor ?? ''}-${name}`;
      return formChange(
        context,
        field('decision'),
        async () => {
          const errors: FieldError[] = [];
          if (!form.decision) errors.push({ field: field('decision'), text: 'Select the area’s decision' });
          if (form.decision === 'ADOPTED_WITH_VARIATION' && !form.variation?.trim())
            errors.push({ field: field('variation'), text: 'Describe the local variation' });
          if (form.decision === 'NOT_ADOPTED' && !form.reason?.trim())
            errors.push({ field: field('reason'), text: 'Give the reason the area did not adopt it' });
          if (errors.length > 0) return errors;
          await api.send('mutation($i: RecordPolicyAdoptionInput!) { recordPolicyAdoption(input: $i) { id } }', {
            i: {
              policyId: form.policyId,
              areaId,
              version: Number(form.version),
              decision: form.decision,
              variation: form.decision === 'ADOPTED_WITH_VARIATION' ? form.variation : null,
              reason: form.decision === 'NOT_ADOPTED' ? form.reason : null,
              idempotencyKey: form.idempotencyKey,
            },
          });
          return 'The area’s decision is recorded.';
        },
        `/areas/${areaId}/inbox`,
        (errors) => this.render(context, areaId, errors, form),
      );
    });
  }

  private async render(
    { api, session, render }: PageContext,
    areaId: string,
    errors: FieldError[],
    values: Record<string, string> = {},
  ): Promise<void> {
    const items: FeedItem[] = [];
    let after: string | null = null;
    for (;;) {
      const page: FeedPage = await api.send<FeedPage>(FEED, { areaId, after });
      items.push(...page.areaFeed.edges.map((edge) => edge.node));
      if (!page.areaFeed.pageInfo.hasNextPage) break;
      after = page.areaFeed.pageInfo.endCursor;
    }
    const groups = (
      await api.send<{
        regionalGroups: { edges: { node: { name: string; areas: { id: string; name: string }[] } }[] };
      }>(AREAS)
    ).regionalGroups.edges;
    // A business manager who is not a member of the group may not read its areas' names (R43).
    const areaName = groups.flatMap((edge) => edge.node.areas).find((area) => area.id === areaId)?.name ?? 'the area';
    const published = items.filter((item) => item.policyVersion !== null);
    const decisionForm = (item: FeedItem) => {
      const own = values.cursor === item.cursor ? values : {};
      const fieldErrors = values.cursor === item.cursor ? errors : [];
      const id = (name: string) => `${item.cursor}-${name}`;
      return html`<form method="post" action="/areas/${areaId}/inbox/policy-decision" novalidate>
        <h3 class="govuk-heading-s">${item.title}</h3>
        ${csrfField(session.csrfToken)}${idempotencyField()}
        <input type="hidden" name="cursor" value="${item.cursor}" />
        <input type="hidden" name="policyId" value="${item.subjectId}" />
        <input type="hidden" name="version" value="${String(item.policyVersion)}" />
        ${radios({
          id: id('decision'),
          name: 'decision',
          label: `Decision on version ${String(item.policyVersion)}`,
          value: own.decision,
          errors: fieldErrors,
          choices: DECISIONS,
        })}
        ${textarea({
          id: id('variation'),
          name: 'variation',
          label: 'Local variation (if adopted with a variation)',
          value: own.variation,
          errors: fieldErrors,
        })}
        ${textarea({
          id: id('reason'),
          name: 'reason',
          label: 'Reason (if not adopted)',
          value: own.reason,
          errors: fieldErrors,
        })}
        ${button('Record decision')}
      </form>`;
    };
    // Unacknowledged first, each part in the order the items arrived.
    const ordered = [...items.filter((item) => !item.acknowledgedAt), ...items.filter((item) => item.acknowledgedAt)];
    const waiting = items.length - items.filter((item) => item.acknowledgedAt).length;
    render({
      title: `Area inbox – ${areaName}`,
      current: `/areas/${areaId}/inbox`,
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<h1 class="govuk-heading-l">Area inbox</h1>
        <p class="govuk-body">
          What the regional group sent down to ${areaName}: ${waiting} of ${items.length}
          ${items.length === 1 ? 'item is' : 'items are'} waiting to be acknowledged.
        </p>
        ${table(
          'What flowed down',
          ['Item', 'Kind', 'Sent', 'Acknowledged'],
          ordered.map((item) => [
            item.title,
            humanise(item.kind),
            longDate(item.occurredAt),
            item.acknowledgedAt
              ? html`${tag('Acknowledged', 'green')} ${longDate(item.acknowledgedAt)}`
              : html`<form method="post" action="/areas/${areaId}/inbox/acknowledge" class="app-inline-form" novalidate>
                  ${csrfField(session.csrfToken)}${idempotencyField()}
                  <input type="hidden" name="cursor" value="${item.cursor}" />
                  <button
                    type="submit"
                    class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0"
                    id="acknowledge-${item.cursor}"
                    data-module="govuk-button"
                  >
                    Acknowledge<span class="govuk-visually-hidden"> ${item.title}</span>
                  </button>
                </form>`,
          ]),
        )}
        <h2 class="govuk-heading-m">Policies for the area’s decision</h2>
        ${
          published.length === 0
            ? html`<p class="govuk-body">No policy version has flowed down to ${areaName}.</p>`
            : html`<p class="govuk-body">
                  Record whether ${areaName} adopted each version that flowed down; a version the area has already
                  decided on is refused.
                </p>
                ${published.map(decisionForm)}`
        }`,
    });
  }
}
