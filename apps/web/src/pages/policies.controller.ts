import { longDate } from '@app/domain';
import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { CLOCK, Clock } from '@app/platform';
import { Request, Response } from 'express';
import { humanise, summaryList, table, tag } from '../components';
import { html } from '../html';
import { PageContext, Pages, queryOf } from '../page-context';
import { asAtCaption, asAtForm, seenAsAt } from './group-as-at';
import { groupNavigation } from './group-nav';

const POLICIES = `query Policies($id: ID!, $asAt: String) {
  regionalGroup(id: $id, asAt: $asAt) {
    id name areas { id name }
    policies {
      id title status reviewDueOn reviewOverdue
      currentVersion { version }
      versions { version effectiveOn }
      adoption { areaId version decision variation reason decidedOn }
    }
  }
}`;

interface Policies {
  regionalGroup: {
    id: string;
    name: string;
    areas: { id: string; name: string }[];
    policies: {
      id: string;
      title: string;
      status: string;
      reviewDueOn: string | null;
      reviewOverdue: boolean;
      currentVersion: { version: number } | null;
      versions: { version: number; effectiveOn: string }[];
      adoption: {
        areaId: string;
        version: number;
        decision: string;
        variation: string | null;
        reason: string | null;
        decidedOn: string;
      }[];
    }[];
  };
}

type Adoption = Policies['regionalGroup']['policies'][number]['adoption'][number];

function decisionCell(adoption: Adoption | undefined) {
  if (!adoption) return tag('Undecided', 'yellow');
  if (adoption.decision === 'ADOPTED') return tag('Adopted', 'green');
  if (adoption.decision === 'ADOPTED_WITH_VARIATION')
    return html`${tag('Adopted with variation', 'turquoise')}<br />${adoption.variation ?? ''}`;
  return html`${tag('Not adopted', 'red')}<br />${adoption.reason ?? ''}`;
}

@Controller('groups/:groupId/policies')
export class PoliciesController {
  constructor(
    private readonly pages: Pages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => this.render(context, groupId, queryOf(request)));
  }

  /** The policies as at the day in `query`, as the overview is: each version, review and area's decision as then. */
  private async render({ api, render }: PageContext, groupId: string, query: Record<string, string>): Promise<void> {
    const seen = await seenAsAt(query, (asAt) => api.send<Policies>(POLICIES, { id: groupId, asAt }));
    const {
      data: { regionalGroup: group },
      asAt,
      errors,
    } = seen;
    render({
      title: asAt ? `Policies – ${group.name} as at ${longDate(asAt)}` : `Policies – ${group.name}`,
      current: '/',
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<span class="govuk-caption-l"
          >${asAt ? asAtCaption('Regional group', asAt, this.clock.now()) : 'Regional group'}</span
        >
        <h1 class="govuk-heading-l">${group.name}</h1>
        ${groupNavigation(group.id, 'policies', asAt)}
        ${asAtForm(`/groups/${group.id}/policies`, 'Show the policies as they stood on', seen)}
        <p class="govuk-body">
          Each area’s business manager records the area’s decision on a version from the area’s inbox, where the version
          arrived.
        </p>
        ${
          group.policies.length > 0
            ? html``
            : html`<p class="govuk-body">
                ${asAt ? `The group had no policies on ${longDate(asAt)}.` : 'The group has no policies yet.'}
              </p>`
        }
        ${group.policies.map(
          (policy) =>
            html`<h2 class="govuk-heading-m">${policy.title}</h2>
              ${summaryList([
                ['Status', humanise(policy.status)],
                ['Version in force', policy.currentVersion ? `Version ${policy.currentVersion.version}` : 'None yet'],
                [
                  'Review',
                  policy.reviewDueOn
                    ? html`Due ${longDate(policy.reviewDueOn)}
                      ${policy.reviewOverdue ? tag('Overdue', 'red') : tag('Not due', 'green')}`
                    : 'Not scheduled',
                ],
              ])}
              ${
                policy.versions.length > 0
                  ? table(
                      `Adoption of ${policy.title} by area`,
                      ['Area', ...policy.versions.map((version) => `Version ${version.version}`)],
                      group.areas.map((area) => [
                        area.name,
                        ...policy.versions.map((version) =>
                          decisionCell(
                            policy.adoption.find((row) => row.areaId === area.id && row.version === version.version),
                          ),
                        ),
                      ]),
                    )
                  : html`<p class="govuk-body">No version published yet.</p>`
              }`,
        )}`,
    });
  }
}
