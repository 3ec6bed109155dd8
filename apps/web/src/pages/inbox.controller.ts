import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { dateTime, groupDateOf, isAfterToday, longDate } from '@app/domain';
import { CLOCK, Clock } from '@app/platform';
import { Request, Response } from 'express';
import {
  acknowledgeCell,
  button,
  checkbox,
  csrfField,
  dateInput,
  datePartsOf,
  FieldError,
  forPeople,
  humanise,
  idempotencyField,
  radios,
  readDate,
  summaryList,
  table,
  tag,
  textarea,
  textInput,
} from '../components';
import { html } from '../html';
import { PageContext, Pages } from '../page-context';
import { formChange, FormField, FormFields } from './form-change';
import {
  FIGURES,
  figuresForm,
  figuresInput,
  LOCAL_DECISION,
  localDecisionForm,
  localDecisionInput,
  YEARLY_REPORT,
  yearlyReportForm,
  yearlyReportInput,
} from './report-up-forms';
import {
  bySentDay,
  deadlineCell,
  deadlinesOf,
  dueDayOf,
  everyNode,
  NodePage,
  PRACTICE_REVIEW_FIELDS,
  PracticeReview,
  REPORT_UP_FIELDS,
  ReportUp,
  reportUpTag,
  reportUpTitle,
  responsesList,
  restrictedTag,
} from './reports-up-views';

const FEED = `query Feed($areaId: ID!, $after: String) {
  areaFeed(areaId: $areaId, first: 100, after: $after) {
    edges {
      node {
        id cursor kind title happenedOn occurredAt acknowledgedAt awaitingAcknowledgement subjectId policyVersion treeHead { treeSize }
        adoption { decision decidedOn variation reason }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}`;
const REPORTS_UP = `query ReportsUp($areaId: ID!, $after: String) {
  reportsUp(areaId: $areaId, first: 100, after: $after) {
    edges { node { ${REPORT_UP_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;
const ARRANGEMENT = `query Arrangement($areaId: ID!) {
  localArrangement(areaId: $areaId) { groupId area { name } viewerMayActForArea }
}`;
const MEASURES = `query Measures($areaId: ID!) { performanceMeasures(areaId: $areaId) { id name } }`;
const PRACTICE_REVIEWS = `query Reviews($groupId: ID!) { practiceReviews(groupId: $groupId) { ${PRACTICE_REVIEW_FIELDS} } }`;

interface FeedItem {
  id: string;
  cursor: string;
  kind: string;
  title: string;
  happenedOn: string;
  occurredAt: string;
  acknowledgedAt: string | null;
  awaitingAcknowledgement: boolean;
  subjectId: string;
  policyVersion: number | null;
  treeHead: { treeSize: number } | null;
  adoption: { decision: string; decidedOn: string; variation: string | null; reason: string | null } | null;
}

/** The escalation form's fields, by the names the API gives them. */
const ESCALATION: Readonly<Record<'title' | 'detail', FormField>> = {
  title: { id: 'escalation-title', label: 'Title' },
  detail: { id: 'escalation-detail', label: 'What the region should know' },
};

/**
 * The form for an area's decision on a version of a policy; the page has one for each version
 * waiting, told apart by the feed item's cursor. The decision comes first: a refusal about no
 * field in particular is shown there.
 */
const decisionFields = (cursor: string, version: string): FormFields => ({
  decision: { id: `${cursor}-decision`, label: `Decision on version ${version}` },
  variation: { id: `${cursor}-variation`, label: 'Local variation' },
  notAdoptedReason: { id: `${cursor}-reason`, label: 'Reason' },
  decidedOn: { id: `${cursor}-decided-on`, label: 'Date of the decision' },
});

const DECISIONS = [
  { value: 'ADOPTED', text: 'Adopted' },
  { value: 'ADOPTED_WITH_VARIATION', text: 'Adopted with a local variation', hint: 'Describe the variation below.' },
  { value: 'NOT_ADOPTED', text: 'Not adopted', hint: 'Give the reason below.' },
];

@Controller('areas/:areaId/inbox')
export class InboxController {
  constructor(
    private readonly pages: Pages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

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
          const { acknowledgeFeedItem } = await context.api.send<{
            acknowledgeFeedItem: { kind: string; title: string };
          }>('mutation($i: AcknowledgeFeedItemInput!) { acknowledgeFeedItem(input: $i) { kind title } }', {
            i: { areaId, cursor: context.form.cursor, idempotencyKey: context.form.idempotencyKey },
          });
          return `“${forPeople(acknowledgeFeedItem)}” is acknowledged.`;
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
      const fields = decisionFields(form.cursor ?? '', form.version ?? '');
      return formChange(
        context,
        fields,
        async () => {
          const errors: FieldError[] = [];
          if (!form.decision) errors.push({ field: fields.decision.id, text: 'Select the area’s decision' });
          if (form.decision === 'ADOPTED_WITH_VARIATION' && !form.variation?.trim())
            errors.push({ field: fields.variation.id, text: 'Describe the local variation' });
          if (form.decision === 'NOT_ADOPTED' && !form.reason?.trim())
            errors.push({ field: fields.notAdoptedReason.id, text: 'Give the reason the area did not adopt it' });
          const decided = readDate(form, 'decidedOn', fields.decidedOn.label, fields.decidedOn.id);
          if (decided.error) errors.push(decided.error);
          else if (!decided.date) errors.push({ field: fields.decidedOn.id, text: 'Enter the date of the decision' });
          else if (isAfterToday(decided.date, this.clock.now().toISOString()))
            errors.push({ field: fields.decidedOn.id, text: `${fields.decidedOn.label} must be today or in the past` });
          if (errors.length > 0) return errors;
          await api.send('mutation($i: RecordPolicyAdoptionInput!) { recordPolicyAdoption(input: $i) { policyId } }', {
            i: {
              policyId: form.policyId,
              areaId,
              version: Number(form.version),
              decision: form.decision,
              variation: form.decision === 'ADOPTED_WITH_VARIATION' ? form.variation : null,
              notAdoptedReason: form.decision === 'NOT_ADOPTED' ? form.reason : null,
              decidedOn: decided.date,
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

  /** An issue the area raises to the region (L2), restricted (R42) when ticked. */
  @Post('escalation')
  async escalate(@Param('areaId') areaId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => {
      const { form, api } = context;
      return formChange(
        context,
        ESCALATION,
        async () => {
          const errors: FieldError[] = [];
          if (!form.title?.trim())
            errors.push({ field: ESCALATION.title.id, text: 'Enter a title for the escalation' });
          if (!form.detail?.trim())
            errors.push({ field: ESCALATION.detail.id, text: 'Describe what the region should know' });
          if (errors.length > 0) return errors;
          const { raiseEscalation } = await api.send<{ raiseEscalation: { title: string } }>(
            'mutation($i: RaiseEscalationInput!) { raiseEscalation(input: $i) { title } }',
            {
              i: {
                areaId,
                title: form.title.trim(),
                detail: form.detail.trim(),
                restricted: form.restricted === 'yes',
                idempotencyKey: form.idempotencyKey,
              },
            },
          );
          return `The escalation “${raiseEscalation.title}” is sent to the region.`;
        },
        `/areas/${areaId}/inbox`,
        (errors) => this.render(context, areaId, errors, form),
      );
    });
  }

  /** The area's yearly report (L2, s.16G), with the days it went to the national panel and the What Works centre. */
  @Post('yearly-report')
  async yearlyReport(
    @Param('areaId') areaId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.reportUp(request, response, areaId, {
      form: 'yearly-report',
      fields: YEARLY_REPORT,
      input: yearlyReportInput,
      mutation: 'submitYearlyReport(input: $i)',
      inputType: 'SubmitYearlyReportInput',
      done: (input) => `The yearly report for ${String(input.period)} is sent to the region.`,
    });
  }

  /** A quarter's count for one of the measures the group asks figures for (L2). */
  @Post('figures')
  async figures(@Param('areaId') areaId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.reportUp(request, response, areaId, {
      form: 'figures',
      fields: FIGURES,
      input: figuresInput,
      mutation: 'submitPerformanceFigures(input: $i)',
      inputType: 'SubmitPerformanceFiguresInput',
      done: (input) => `The figures for ${String(input.period)} are sent to the region.`,
    });
  }

  /** A decision the area took for itself, shared with the region (L2). */
  @Post('local-decision')
  async localDecision(
    @Param('areaId') areaId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.reportUp(request, response, areaId, {
      form: 'local-decision',
      fields: LOCAL_DECISION,
      input: localDecisionInput,
      mutation: 'shareLocalDecision(input: $i)',
      inputType: 'ShareLocalDecisionInput',
      done: (input) => `The decision “${String(input.title)}” is shared with the region.`,
    });
  }

  /** One of the report-up forms: checked on the page, then sent; refused, it is shown again with its own values. */
  private async reportUp(
    request: Request,
    response: Response,
    areaId: string,
    report: {
      readonly form: string;
      readonly fields: FormFields;
      readonly input: (form: Record<string, string>) => Record<string, string | number> | FieldError[];
      readonly mutation: string;
      readonly inputType: string;
      readonly done: (input: Record<string, string | number>) => string;
    },
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      formChange(
        context,
        report.fields,
        async () => {
          const input = report.input(context.form);
          if (Array.isArray(input)) return input;
          await context.api.send(`mutation($i: ${report.inputType}!) { ${report.mutation} { id } }`, {
            i: { areaId, ...input, idempotencyKey: context.form.idempotencyKey },
          });
          return report.done(input);
        },
        `/areas/${areaId}/inbox`,
        (errors) => this.render(context, areaId, errors, context.form, report.form),
      ),
    );
  }

  private async render(
    { api, session, render }: PageContext,
    areaId: string,
    errors: FieldError[],
    values: Record<string, string> = {},
    postedForm: string | null = null,
  ): Promise<void> {
    const feed = await everyNode((after) =>
      api.send<{ areaFeed: NodePage<FeedItem> }>(FEED, { areaId, after }).then((page) => page.areaFeed),
    );
    // A signed head is for the area's own system to keep as a witness of the log (A4), not work for a person.
    const heads = feed.filter((item) => item.kind === 'TREE_HEAD');
    const items = feed.filter((item) => item.kind !== 'TREE_HEAD');
    const latestHead = heads.at(-1);
    const reportsUp = bySentDay(
      await everyNode((after) =>
        api.send<{ reportsUp: NodePage<ReportUp> }>(REPORTS_UP, { areaId, after }).then((page) => page.reportsUp),
      ),
    );
    const { localArrangement: arrangement } = await api.send<{
      localArrangement: { groupId: string; area: { name: string }; viewerMayActForArea: boolean };
    }>(ARRANGEMENT, { areaId });
    const areaName = arrangement.area.name;
    // The API answers by the rule the area's acknowledgements, decisions and escalations are decided by.
    const mayAct = arrangement.viewerMayActForArea;
    // Of the group's reviews the reader may read, this area's.
    const reviews = (
      await api.send<{ practiceReviews: PracticeReview[] }>(PRACTICE_REVIEWS, { groupId: arrangement.groupId })
    ).practiceReviews.filter((review) => review.areaId === areaId);
    const published = items.filter((item) => item.policyVersion !== null);
    const decisionOf = (item: FeedItem) => {
      const decided = item.adoption;
      if (!decided)
        return mayAct
          ? decisionForm(item)
          : html`<h3 class="govuk-heading-s">${forPeople(item)}</h3>
              <p class="govuk-body">
                ${areaName} has not recorded its decision on version ${String(item.policyVersion)}.
              </p>`;
      const chosen = DECISIONS.find((choice) => choice.value === decided.decision)?.text ?? humanise(decided.decision);
      return html`<h3 class="govuk-heading-s">${forPeople(item)}</h3>
        ${summaryList([
          [`Decision on version ${String(item.policyVersion)}`, chosen],
          ['Decided', longDate(decided.decidedOn)],
          ...(decided.variation ? [['Local variation', decided.variation] as const] : []),
          ...(decided.reason ? [['Reason', decided.reason] as const] : []),
        ])}`;
    };
    const today = datePartsOf(groupDateOf(this.clock.now().toISOString()));
    const measures = mayAct
      ? (await api.send<{ performanceMeasures: { id: string; name: string }[] }>(MEASURES, { areaId }))
          .performanceMeasures
      : [];
    const reportUpForm = {
      areaId,
      csrfToken: session.csrfToken,
      today,
      posted: postedForm ? { form: postedForm, values } : null,
      errors,
    };
    const decisionForm = (item: FeedItem) => {
      const own = values.cursor === item.cursor ? values : {};
      const fieldErrors = values.cursor === item.cursor ? errors : [];
      const fields = decisionFields(item.cursor, String(item.policyVersion));
      const decidedOn = values.cursor === item.cursor ? readDate(values, 'decidedOn', '').typed : today;
      return html`<form method="post" action="/areas/${areaId}/inbox/policy-decision" novalidate>
        <h3 class="govuk-heading-s">${forPeople(item)}</h3>
        ${csrfField(session.csrfToken)}${idempotencyField()}
        <input type="hidden" name="cursor" value="${item.cursor}" />
        <input type="hidden" name="policyId" value="${item.subjectId}" />
        <input type="hidden" name="version" value="${String(item.policyVersion)}" />
        ${radios({
          ...fields.decision,
          name: 'decision',
          value: own.decision,
          errors: fieldErrors,
          choices: DECISIONS,
        })}
        ${textarea({
          ...fields.variation,
          name: 'variation',
          hint: 'Only if adopted with a local variation.',
          value: own.variation,
          errors: fieldErrors,
        })}
        ${textarea({
          ...fields.notAdoptedReason,
          name: 'reason',
          hint: 'Only if not adopted.',
          value: own.reason,
          errors: fieldErrors,
        })}
        ${dateInput({
          ...fields.decidedOn,
          name: 'decidedOn',
          hint: 'For example, 27 3 2026.',
          typed: decidedOn,
          errors: fieldErrors,
        })}
        ${button('Record decision', 'primary', {
          // The title the platform builds names the version already ("…, version 1, effective …").
          hidden: `on ${forPeople(item)}`,
        })}
      </form>`;
    };
    // Those waiting first, each part in the order the items arrived; the API says which wait, by the one rule.
    const awaiting = items.filter((item) => item.awaitingAcknowledgement);
    const ordered = [...awaiting, ...items.filter((item) => !item.awaitingAcknowledgement)];
    const waiting = awaiting.length;
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
        ${
          mayAct
            ? html``
            : html`<p class="govuk-body" id="acts-for-area">
                Only ${areaName}’s business manager acknowledges what flowed down, records the area’s decisions and
                raises escalations; you may read them but not change them.
              </p>`
        }
        ${table(
          'What flowed down',
          // History entered later happened long before it was recorded: auditors need both, as on /audit.
          ['Item', 'Kind', 'Happened', 'Recorded', 'Acknowledged'],
          ordered.map((item) => [
            forPeople(item),
            humanise(item.kind),
            longDate(item.happenedOn),
            dateTime(item.occurredAt),
            item.awaitingAcknowledgement
              ? acknowledgeCell({
                  mayAcknowledge: mayAct,
                  csrfToken: session.csrfToken,
                  action: `/areas/${areaId}/inbox/acknowledge`,
                  item: { name: 'cursor', value: item.cursor },
                  spokenAs: `${forPeople(item)}, happened ${longDate(item.happenedOn)}`,
                })
              : html`${tag('Acknowledged', 'green')} ${item.acknowledgedAt ? longDate(item.acknowledgedAt) : ''}`,
          ]),
        )}
        ${
          latestHead
            ? html`<h2 class="govuk-heading-m">Signed heads of the log</h2>
                <p class="govuk-body">
                  The platform also sent ${areaName} ${heads.length}
                  ${heads.length === 1 ? 'signed head' : 'signed heads'} of its log, the latest on
                  ${longDate(latestHead.occurredAt)} covering the first ${String(latestHead.treeHead?.treeSize ?? 0)}
                  records. They are for ${areaName}’s own system to keep, which reads them from the API’s area feed;
                  they need nobody to acknowledge them. A head kept proves later that nothing recorded since was
                  altered: anyone signed in checks one on the <a class="govuk-link" href="/audit">audit page</a>.
                </p>`
            : html``
        }
        <h2 class="govuk-heading-m">Policies for the area’s decision</h2>
        ${
          published.length === 0
            ? html`<p class="govuk-body">No policy version has flowed down to ${areaName}.</p>`
            : html`${
                mayAct
                  ? html`<p class="govuk-body">
                      Record whether ${areaName} adopted each version that flowed down. A version is decided once: its
                      recorded decision is shown instead of the form.
                    </p>`
                  : html``
              }
              ${published.map(decisionOf)}`
        }
        <h2 class="govuk-heading-m">Reports up</h2>
        ${
          reportsUp.length === 0
            ? html`<p class="govuk-body">${areaName} has sent nothing up to the region.</p>`
            : table(
                `What ${areaName} sent up`,
                ['Item', 'Kind', 'Sent', 'Due', 'Status', 'Region'],
                reportsUp.map((item) => [
                  reportUpTitle(item),
                  humanise(item.kind),
                  longDate(item.receivedOn),
                  dueDayOf(item),
                  reportUpTag(item.status),
                  [
                    item.acknowledgedAt
                      ? `Acknowledged ${longDate(item.acknowledgedAt)}`
                      : item.awaitingAcknowledgement
                        ? 'Not acknowledged yet'
                        : html``,
                    item.responses.length > 0 ? responsesList(item) : html``,
                  ],
                ]),
              )
        }
        <h2 class="govuk-heading-m">Send reports up</h2>
        ${
          mayAct
            ? html`<h3 class="govuk-heading-s" id="yearly-report">The yearly report</h3>
                ${yearlyReportForm(reportUpForm)}
                <h3 class="govuk-heading-s" id="figures">Figures for a quarter</h3>
                ${
                  measures.length === 0
                    ? html`<p class="govuk-body">The regional group asks no figures yet: it has listed no measure.</p>`
                    : figuresForm(
                        reportUpForm,
                        measures.map((measure) => ({ value: measure.id, text: measure.name })),
                      )
                }
                <h3 class="govuk-heading-s" id="local-decision">A decision the area took</h3>
                ${localDecisionForm(reportUpForm)}`
            : html`<p class="govuk-body">
                Only ${areaName}’s business manager sends the yearly report, figures and the area’s own decisions up to
                the region.
              </p>`
        }
        <h2 class="govuk-heading-m">Practice reviews</h2>
        ${
          reviews.length === 0
            ? html`<p class="govuk-body">No serious incident is recorded for ${areaName} that you may read.</p>`
            : table(
                `Deadlines of ${areaName}’s practice reviews`,
                ['Reference', 'Stage', 'Deadlines'],
                reviews.map((review) => [
                  html`${review.reference}${restrictedTag(review.restricted)}`,
                  humanise(review.stage),
                  html`<ul class="govuk-list">
                    ${deadlinesOf(review).map(({ step, deadline }) => html`<li>${step}: ${deadlineCell(deadline)}</li>`)}
                  </ul>`,
                ]),
              )
        }
        <h2 class="govuk-heading-m">Raise an escalation</h2>
        ${
          mayAct
            ? html`<form method="post" action="/areas/${areaId}/inbox/escalation" novalidate>
                ${csrfField(session.csrfToken)}${idempotencyField()}
                ${textInput({
                  ...ESCALATION.title,
                  name: 'title',
                  hint: 'Governance only: no child’s or family’s name, address, date of birth or NHS number.',
                  value: values.title,
                  errors,
                })}
                ${textarea({ ...ESCALATION.detail, name: 'detail', value: values.detail, errors })}
                ${checkbox({
                  id: 'escalation-restricted',
                  name: 'restricted',
                  legend: 'Who may read it',
                  label: 'Restricted',
                  hint: 'Only the group’s members, this area and auditors see its title and detail.',
                  value: 'yes',
                  checked: values.restricted === 'yes',
                  errors,
                })}
                ${button('Send to the region')}
              </form>`
            : html`<p class="govuk-body">Only ${areaName}’s business manager raises an escalation for the area.</p>`
        }`,
    });
  }
}
