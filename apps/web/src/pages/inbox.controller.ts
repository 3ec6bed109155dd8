import { Controller, Get, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { csrfField, FieldError, humanise, idempotencyField, longDate, table, tag } from '../components';
import { html } from '../html';
import { PageContext, Pages } from '../page-context';
import { formChange } from './form-change';

const FEED = `query Feed($areaId: ID!, $after: String) {
  areaFeed(areaId: $areaId, first: 100, after: $after) {
    edges { node { id cursor kind title occurredAt acknowledgedAt } }
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
}
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

  private async render({ api, session, render }: PageContext, areaId: string, errors: FieldError[]): Promise<void> {
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
    const areaName = groups.flatMap((edge) => edge.node.areas).find((area) => area.id === areaId)?.name ?? 'Area';
    // Unacknowledged first, each part in the order the items arrived.
    const ordered = [...items.filter((item) => !item.acknowledgedAt), ...items.filter((item) => item.acknowledgedAt)];
    const waiting = items.length - items.filter((item) => item.acknowledgedAt).length;
    render({
      title: `Inbox – ${areaName}`,
      current: `/areas/${areaId}/inbox`,
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<span class="govuk-caption-l">${areaName}</span>
        <h1 class="govuk-heading-l">Area inbox</h1>
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
        )}`,
    });
  }
}
