import { Controller, Get, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { ApiClient, ApiRefusal } from '../api-client';
import { html } from '../html';
import { Viewer } from '../layout';
import { Pages } from '../page-context';

const GROUPS = `{ regionalGroups(first: 100) { edges { node { id name dissolvedAt areas { id name } readableAreaIds } } } }`;
const AREA = `query($id: ID!) { localArrangement(areaId: $id) { area { id name } } }`;

type Area = { id: string; name: string };

interface Group {
  id: string;
  name: string;
  dissolvedAt: string | null;
  areas: Area[];
  readableAreaIds: string[];
}

interface Groups {
  regionalGroups: { edges: { node: Group }[] };
}

@Controller()
export class HomeController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async home(@Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, async ({ api, viewer, render }) => {
      const groups = (await api.send<Groups>(GROUPS)).regionalGroups.edges.map((edge) => edge.node);
      const areas = await this.readableAreas(api, viewer, groups);
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
          }
          ${
            areas.length === 0
              ? html``
              : html`<h2 class="govuk-heading-m">Area inboxes</h2>
                  <p class="govuk-body">What flowed down to each area you may read, and what it sent up.</p>
                  <ul class="govuk-list" id="area-inboxes">
                    ${areas.map(
                      (area) => html`<li><a class="govuk-link" href="/areas/${area.id}/inbox">${area.name}</a></li>`,
                    )}
                  </ul>`
          }`,
      });
    });
  }

  /**
   * The areas whose inbox the person may read (R43), as the API answers: those of the groups they
   * see, then those of their area roles in groups they do not (an area's business manager who
   * represents no partner), each asked for and left out when the API refuses it.
   */
  private async readableAreas(api: ApiClient, viewer: Viewer, groups: Group[]): Promise<Area[]> {
    const ofGroups = groups.flatMap((group) => group.areas.filter((area) => group.readableAreaIds.includes(area.id)));
    const seen = new Set(ofGroups.map((area) => area.id));
    const granted = [
      ...new Set(viewer.roles.flatMap((grant) => (grant.areaId && !seen.has(grant.areaId) ? [grant.areaId] : []))),
    ];
    const ofRoles = await Promise.all(
      granted.map((id) =>
        api
          .send<{ localArrangement: { area: Area } }>(AREA, { id })
          .then((answer): Area[] => [answer.localArrangement.area])
          .catch((error: unknown): Area[] => {
            if (error instanceof ApiRefusal && ['FORBIDDEN', 'NOT_FOUND'].includes(error.code)) return [];
            throw error;
          }),
      ),
    );
    return [...ofGroups, ...ofRoles.flat()];
  }
}
