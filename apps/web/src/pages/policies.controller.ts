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
  select,
  summaryList,
  table,
  tag,
  textarea,
} from '../components';
import { html } from '../html';
import { PageContext, Pages } from '../page-context';
import { formChange } from './form-change';
import { groupNavigation } from './group-nav';

const POLICIES = `query Policies($id: ID!) {
  regionalGroup(id: $id) {
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

const DECISIONS = [
  { value: 'ADOPTED', text: 'Adopted' },
  { value: 'ADOPTED_WITH_VARIATION', text: 'Adopted with a local variation', hint: 'Describe the variation below.' },
  { value: 'NOT_ADOPTED', text: 'Not adopted', hint: 'Give the reason below.' },
];

function decisionCell(adoption: Adoption | undefined) {
  if (!adoption) return tag('Undecided', 'yellow');
  if (adoption.decision === 'ADOPTED') return tag('Adopted', 'green');
  if (adoption.decision === 'ADOPTED_WITH_VARIATION')
    return html`${tag('Adopted with variation', 'turquoise')}<br />${adoption.variation ?? ''}`;
  return html`${tag('Not adopted', 'red')}<br />${adoption.reason ?? ''}`;
}

@Controller('groups/:groupId/policies')
export class PoliciesController {
  constructor(private readonly pages: Pages) {}

  @Get()
  async list(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => this.render(context, groupId, [], {}, null));
  }

  @Post(':policyId/adoption')
  async adopt(
    @Param('groupId') groupId: string,
    @Param('policyId') policyId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) => {
      const { form, api } = context;
      const field = (name: string) => `${policyId}-${name}`;
      return formChange(
        context,
        field('decision'),
        async () => {
          const errors: FieldError[] = [];
          if (!form.version) errors.push({ field: field('version'), text: 'Select the version decided on' });
          if (!form.decision) errors.push({ field: field('decision'), text: 'Select the area’s decision' });
          if (form.decision === 'ADOPTED_WITH_VARIATION' && !form.variation?.trim())
            errors.push({ field: field('variation'), text: 'Describe the local variation' });
          if (form.decision === 'NOT_ADOPTED' && !form.reason?.trim())
            errors.push({ field: field('reason'), text: 'Give the reason the area did not adopt it' });
          if (errors.length > 0) return errors;
          await api.send('mutation($i: RecordPolicyAdoptionInput!) { recordPolicyAdoption(input: $i) { id } }', {
            i: {
              policyId,
              areaId: form.areaId,
              version: Number(form.version),
              decision: form.decision,
              variation: form.decision === 'ADOPTED_WITH_VARIATION' ? form.variation : null,
              reason: form.decision === 'NOT_ADOPTED' ? form.reason : null,
              idempotencyKey: form.idempotencyKey,
            },
          });
          return 'The area’s decision is recorded.';
        },
        `/groups/${groupId}/policies`,
        (errors) => this.render(context, groupId, errors, form, policyId),
      );
    });
  }

  private async render(
    { api, viewer, session, render }: PageContext,
    groupId: string,
    errors: FieldError[],
    values: Record<string, string>,
    formPolicyId: string | null,
  ): Promise<void> {
    const { regionalGroup: group } = await api.send<Policies>(POLICIES, { id: groupId });
    const managedAreas = group.areas.filter((area) =>
      viewer.roles.some((grant) => grant.role === 'AREA_BUSINESS_MANAGER' && grant.areaId === area.id),
    );
    const decisionForm = (policy: Policies['regionalGroup']['policies'][number]) => {
      if (managedAreas.length === 0 || policy.versions.length === 0) return html``;
      const own = policy.id === formPolicyId ? values : {};
      const fieldErrors = policy.id === formPolicyId ? errors : [];
      const latest = String(policy.versions[policy.versions.length - 1].version);
      return managedAreas.map(
        (area) =>
          html`<h3 class="govuk-heading-s">Record ${area.name}’s decision</h3>
            <form method="post" action="/groups/${group.id}/policies/${policy.id}/adoption" novalidate>
              ${csrfField(session.csrfToken)}${idempotencyField()}
              <input type="hidden" name="areaId" value="${area.id}" />
              ${select({
                id: `${policy.id}-version`,
                name: 'version',
                label: 'Version',
                value: own.version ?? latest,
                errors: fieldErrors,
                choices: policy.versions.map((version) => ({
                  value: String(version.version),
                  text: `Version ${version.version}, in force from ${longDate(version.effectiveOn)}`,
                })),
              })}
              ${radios({
                id: `${policy.id}-decision`,
                name: 'decision',
                label: 'Decision',
                value: own.decision,
                errors: fieldErrors,
                choices: DECISIONS,
              })}
              ${textarea({
                id: `${policy.id}-variation`,
                name: 'variation',
                label: 'Local variation (if adopted with a variation)',
                value: own.variation,
                errors: fieldErrors,
              })}
              ${textarea({
                id: `${policy.id}-reason`,
                name: 'reason',
                label: 'Reason (if not adopted)',
                value: own.reason,
                errors: fieldErrors,
              })}
              ${button('Record decision')}
            </form>`,
      );
    };

    render({
      title: `Policies – ${group.name}`,
      current: '/',
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<span class="govuk-caption-l">${group.name}</span>
        <h1 class="govuk-heading-l">Policies</h1>
        ${groupNavigation(group.id, 'policies')}
        ${group.policies.length === 0 ? html`<p class="govuk-body">The group has no policies yet.</p>` : html``}
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
              }
              ${decisionForm(policy)}`,
        )}`,
    });
  }
}
