import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { html } from '../html';
import { Pages } from '../page-context';

const GROUPS = `{ regionalGroups(first: 100) { edges { node { id name dissolvedAt areas { id } } } } }`;

interface Groups {
  regionalGroups: { edges: { node: { id: string; name: string; dissolvedAt: string | null; areas: unknown[] } }[] };
}

@Controller()
export class HomeController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async ({ api, render }) => {
      const groups = (await api.send<Groups>(GROUPS)).regionalGroups.edges.map((edge) => edge.node);
      render({
        title: 'Regional groups',
        current: '/',
        content: html`<h1 class="govuk-heading-l">Regional groups</h1>
          ${
            groups.length === 0
              ? html`<p class="govuk-body">There are no regional groups you can see.</p>`
              : html`<ul class="govuk-list">
                  ${groups.map(
                    (group) =>
                      html`<li>
                        <a class="govuk-link" href="/groups/${group.id}">${group.name}</a>
                        (${group.areas.length}
                        ${group.areas.length === 1 ? 'area' : 'areas'}${group.dissolvedAt ? ', dissolved' : ''})
                      </li>`,
                  )}
                </ul>`
          }`,
      });
    });
  }
}
