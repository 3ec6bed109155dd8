import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { dateTime, joinedWithAnd, longDate, mayBeSubstituted } from '@app/domain';
import { CLOCK, Clock } from '@app/platform';
import {
  button,
  csrfField,
  FieldError,
  humanise,
  idempotencyField,
  radios,
  select,
  summaryList,
  table,
  tag,
  textarea,
  textInput,
} from '../components';
import { html } from '../html';
import { PageContext, Pages, queryOf } from '../page-context';
import { formChange, FormFields } from './form-change';
import { asAtCaption, asAtForm, seenAsAt } from './group-as-at';
import { groupNavigation } from './group-nav';

const MEETINGS = `query Meetings($id: ID!, $asAt: String) {
  regionalGroup(id: $id, asAt: $asAt) {
    id name
    meetings { id startsAt place status quorum { present required isQuorate } decisions { id } }
  }
}`;

const MEETING = `query Meeting($groupId: ID!, $meetingId: ID!) {
  regionalGroup(id: $groupId) {
    id name viewerMayRunMeetings
    partners(includeFormer: true) { id name }
  }
  meeting(id: $meetingId) {
    id groupId startsAt place status mayOpen
    quorum { present required isQuorate }
    attendance { id appointmentId name partnerName status substitute { name organisation } }
    writtenViews { appointmentId agendaItem views submittedOn }
    decisions { id text agreedBy }
    meetingRecommendations { id text dueDate overdue targets { id partnerId status reason respondedOn } }
    minutes { stage text approvedOn publishedOn corrections { correctedAt reason text } }
    localPublication { id areaName published publishedOn address }
  }
}`;

/** Which group a meeting is one of, for a form's address under a group. */
const MEETING_GROUP = `query MeetingGroup($id: ID!) { meeting(id: $id) { groupId startsAt } }`;
interface MeetingGroup {
  meeting: { groupId: string; startsAt: string };
}

type Status = 'SCHEDULED' | 'OPEN' | 'CLOSED';
interface MeetingData {
  regionalGroup: {
    id: string;
    name: string;
    viewerMayRunMeetings: boolean;
    partners: { id: string; name: string }[];
  };
  meeting: {
    id: string;
    groupId: string;
    startsAt: string;
    place: string;
    status: Status;
    mayOpen: boolean;
    quorum: { present: number; required: number; isQuorate: boolean } | null;
    attendance: {
      id: string;
      appointmentId: string;
      name: string;
      partnerName: string;
      status: string | null;
      substitute: { name: string; organisation: string } | null;
    }[];
    writtenViews: { appointmentId: string; agendaItem: string; views: string; submittedOn: string }[];
    decisions: { id: string; text: string; agreedBy: string[] }[];
    meetingRecommendations: {
      id: string;
      text: string;
      dueDate: string;
      overdue: boolean;
      targets: { id: string; partnerId: string; status: string; reason: string | null; respondedOn: string | null }[];
    }[];
    minutes: {
      stage: string;
      text: string | null;
      approvedOn: string | null;
      publishedOn: string | null;
      corrections: { correctedAt: string; reason: string; text: string }[];
    };
    localPublication: {
      id: string;
      areaName: string;
      published: boolean;
      publishedOn: string | null;
      address: string | null;
    }[];
  };
}

/** The attendance form's fields, by the names the API gives them. */
const ATTENDANCE: FormFields = {
  appointmentId: { id: 'appointment', label: 'Representative' },
  status: { id: 'attendance-status', label: 'Attendance' },
  'substitute.name': { id: 'substitute-name', label: 'Substitute’s name' },
  'substitute.organisation': { id: 'substitute-organisation', label: 'Substitute’s organisation' },
};

/** The decision form's one field. */
const DECISION: FormFields = { text: { id: 'decision', label: 'Decision' } };

const STATUS_TAGS: Record<Status, ReturnType<typeof tag>> = {
  SCHEDULED: tag('Scheduled', 'blue'),
  OPEN: tag('Open', 'green'),
  CLOSED: tag('Closed', 'grey'),
};

const quorumText = (quorum: { present: number; required: number; isQuorate: boolean } | null) =>
  quorum
    ? html`${quorum.present} present, ${quorum.required} needed
      ${quorum.isQuorate ? tag('Quorate', 'green') : tag('Not quorate', 'red')}`
    : 'Counted when the meeting opens';

@Controller('groups/:groupId/meetings')
export class MeetingsController {
  constructor(
    private readonly pages: Pages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async list(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) => this.renderList(context, groupId, queryOf(request)));
  }

  /**
   * A calendar address for the person (a calendar token of their own): its secret is shown on this
   * answer only. Sent again (a reload), the form's idempotency key gives back the same token.
   */
  @Post('calendar')
  async calendar(@Param('groupId') groupId: string, @Req() request: Request, @Res() response: Response): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      this.renderList(context, groupId, {}, async () => {
        const { issueCalendarToken } = await context.api.send<{ issueCalendarToken: { calendarUrl: string } }>(
          'mutation($i: IssueCalendarTokenInput!, $g: ID!) { issueCalendarToken(input: $i) { calendarUrl(groupId: $g) } }',
          { i: { idempotencyKey: context.form.idempotencyKey }, g: groupId },
        );
        return new URL(issueCalendarToken.calendarUrl, `${request.protocol}://${request.get('host') ?? ''}`).href;
      }),
    );
  }

  /**
   * The meetings as at the day in `query`, as the overview is: those booked or held by then, with the
   * calendar address `issue` gives, asked for only once the group is found and the reader may read it.
   */
  private async renderList(
    { api, render, session }: PageContext,
    groupId: string,
    query: Record<string, string>,
    issue?: () => Promise<string>,
  ) {
    const seen = await seenAsAt(query, (asAt) =>
      api.send<{
        regionalGroup: {
          id: string;
          name: string;
          meetings: {
            id: string;
            startsAt: string;
            place: string;
            status: Status;
            quorum: { present: number; required: number; isQuorate: boolean } | null;
            decisions: unknown[];
          }[];
        };
      }>(MEETINGS, { id: groupId, asAt }),
    );
    const {
      data: { regionalGroup: group },
      asAt,
      errors,
    } = seen;
    const calendarUrl = issue ? await issue() : null;
    render({
      title: asAt ? `Meetings – ${group.name} as at ${longDate(asAt)}` : `Meetings – ${group.name}`,
      current: '/',
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<span class="govuk-caption-l"
          >${asAt ? asAtCaption('Regional group', asAt, this.clock.now()) : 'Regional group'}</span
        >
        <h1 class="govuk-heading-l">${group.name}</h1>
        ${groupNavigation(group.id, 'meetings', asAt)}
        ${asAtForm(`/groups/${group.id}/meetings`, 'Show the meetings as they stood on', seen)}
        ${
          asAt
            ? html`<p class="govuk-body" id="as-at-limits">
                The meetings booked or held by ${longDate(asAt)}. Each meeting’s status, quorum and decisions are as
                they stand today, and a meeting opens as it stands today: the platform shows a meeting as it is now, not
                as at a day.
              </p>`
            : html``
        }
        ${table(
          'Meetings of the group',
          ['Date', 'Place', 'Status', 'Quorum', 'Decisions'],
          group.meetings.map((meeting) => [
            html`<a class="govuk-link" href="/groups/${group.id}/meetings/${meeting.id}"
              >${dateTime(meeting.startsAt)}</a
            >`,
            meeting.place,
            STATUS_TAGS[meeting.status],
            quorumText(meeting.quorum),
            String(meeting.decisions.length),
          ]),
        )}
        <h2 class="govuk-heading-m">Calendar</h2>
        ${
          calendarUrl
            ? html`<div class="govuk-panel govuk-panel--confirmation">
                  <h3 class="govuk-panel__title govuk-!-font-size-24">Your calendar address</h3>
                  <div class="govuk-panel__body govuk-!-font-size-19">
                    <code class="app-break-words" id="calendar-url">${calendarUrl}</code>
                  </div>
                </div>
                <p class="govuk-body">
                  Add it to your calendar application as a subscription. It is shown once: keep it as you would a
                  password. It shows the group’s meetings for as long as you may read them.
                </p>`
            : html`<p class="govuk-body">
                Subscribe to the group’s meetings in your calendar application with an address of your own.
              </p>`
        }
        <form method="post" action="/groups/${group.id}/meetings/calendar" novalidate>
          ${csrfField(session.csrfToken)}${idempotencyField()}
          ${button(calendarUrl ? 'Get another calendar address' : 'Get a calendar address', 'secondary')}
        </form>`,
    });
  }

  @Get(':meetingId')
  async show(
    @Param('groupId') groupId: string,
    @Param('meetingId') meetingId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) => this.render(context, response, groupId, meetingId, [], {}));
  }

  @Post(':meetingId/open')
  async open(
    @Param('groupId') groupId: string,
    @Param('meetingId') meetingId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    await this.change(request, response, groupId, meetingId, 'open-meeting', async ({ api, form }) => {
      await api.send('mutation($i: MeetingIdInput!) { openMeeting(input: $i) { id } }', {
        i: { meetingId, idempotencyKey: form.idempotencyKey },
      });
      return 'The meeting is open.';
    });
  }

  @Post(':meetingId/attendance')
  async attendance(
    @Param('groupId') groupId: string,
    @Param('meetingId') meetingId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    await this.change(request, response, groupId, meetingId, ATTENDANCE, async ({ api, form }) => {
      const errors: FieldError[] = [];
      if (!form.appointmentId) errors.push({ field: ATTENDANCE.appointmentId.id, text: 'Select the representative' });
      if (!form.status) errors.push({ field: ATTENDANCE.status.id, text: 'Select whether they were present' });
      const hasSubstitute = Boolean(form.substituteName?.trim() || form.substituteOrganisation?.trim());
      if (hasSubstitute && form.status && !mayBeSubstituted(form.status))
        errors.push({
          field: ATTENDANCE.status.id,
          text: 'Select Sent apologies or Absent: a representative a substitute attended for was not present',
        });
      if (hasSubstitute && !form.substituteName?.trim())
        errors.push({ field: ATTENDANCE['substitute.name'].id, text: 'Enter the substitute’s name' });
      if (hasSubstitute && !form.substituteOrganisation?.trim())
        errors.push({ field: ATTENDANCE['substitute.organisation'].id, text: 'Enter the substitute’s organisation' });
      if (errors.length > 0) return errors;
      await api.send('mutation($i: RecordAttendanceInput!) { recordAttendance(input: $i) { id } }', {
        i: {
          meetingId,
          appointmentId: form.appointmentId,
          status: form.status,
          substitute: hasSubstitute
            ? { name: form.substituteName.trim(), organisation: form.substituteOrganisation.trim() }
            : null,
          idempotencyKey: form.idempotencyKey,
        },
      });
      return 'Attendance recorded.';
    });
  }

  @Post(':meetingId/decisions')
  async decision(
    @Param('groupId') groupId: string,
    @Param('meetingId') meetingId: string,
    @Req() request: Request,
    @Res() response: Response,
  ) {
    await this.change(request, response, groupId, meetingId, DECISION, async ({ api, form }) => {
      if (!form.text?.trim()) return [{ field: DECISION.text.id, text: 'Enter the decision' }];
      await api.send('mutation($i: RecordDecisionInput!) { recordDecision(input: $i) { id } }', {
        i: { meetingId, text: form.text, idempotencyKey: form.idempotencyKey },
      });
      return 'Decision recorded.';
    });
  }

  private async change(
    request: Request,
    response: Response,
    groupId: string,
    meetingId: string,
    field: string | FormFields,
    work: (context: PageContext) => Promise<string | FieldError[]>,
  ): Promise<void> {
    await this.pages.handle(request, response, async (context) => {
      // Under another group's address no page is there: "Page not found" before anything is sent to the API.
      const { meeting } = await context.api.send<MeetingGroup>(MEETING_GROUP, { id: meetingId });
      if (meeting.groupId !== groupId) return this.notTheGroups(response, context, meeting.startsAt);
      await formChange(
        context,
        field,
        () => work(context),
        `/groups/${groupId}/meetings/${meetingId}`,
        (errors) => this.render(context, response, groupId, meetingId, errors, context.form),
      );
    });
  }

  /** A meeting's address under a group that did not book it. */
  private notTheGroups(response: Response, context: Pick<PageContext, 'session' | 'viewer'>, startsAt: string): void {
    this.pages.notTheGroups(response, context, `The meeting on ${longDate(startsAt)}`);
  }

  private async render(
    context: PageContext,
    response: Response,
    groupId: string,
    meetingId: string,
    errors: FieldError[],
    values: Record<string, string>,
  ): Promise<void> {
    const { api, session, render } = context;
    const { regionalGroup: group, meeting } = await api.send<MeetingData>(MEETING, { groupId, meetingId });
    if (meeting.groupId !== groupId) return this.notTheGroups(response, context, meeting.startsAt);
    const partnerName = new Map(group.partners.map((partner) => [partner.id, partner.name]));
    const attendeeName = new Map(meeting.attendance.map((attendee) => [attendee.appointmentId, attendee.name]));
    const action = (path: string) => `/groups/${groupId}/meetings/${meetingId}/${path}`;
    const heading = `Meeting on ${longDate(meeting.startsAt)}`;

    const forms = !group.viewerMayRunMeetings
      ? html``
      : meeting.status === 'SCHEDULED'
        ? html`<h2 class="govuk-heading-m">Open the meeting</h2>
            ${
              meeting.mayOpen
                ? html`<p class="govuk-body" id="opening-membership">
                      Opening takes the membership as it stood on ${longDate(meeting.startsAt)}, the meeting’s day, from
                      which the quorum is counted for ever after.
                    </p>
                    <form method="post" action="${action('open')}" novalidate>
                      ${csrfField(session.csrfToken)}${idempotencyField()}
                      ${button('Open the meeting', 'primary', { id: 'open-meeting' })}
                    </form>`
                : html`<p class="govuk-body" id="opens-on">
                    This meeting can be opened from ${longDate(meeting.startsAt)}.
                  </p>`
            }`
        : meeting.status === 'OPEN'
          ? html`<h2 class="govuk-heading-m">Record attendance</h2>
              <form method="post" action="${action('attendance')}" novalidate>
                ${csrfField(session.csrfToken)}${idempotencyField()}
                ${select({
                  ...ATTENDANCE.appointmentId,
                  name: 'appointmentId',
                  value: values.appointmentId,
                  errors,
                  choices: [
                    { value: '', text: 'Choose a representative' },
                    ...meeting.attendance.map((attendee) => ({
                      value: attendee.appointmentId,
                      text: `${attendee.name}, ${attendee.partnerName}`,
                    })),
                  ],
                })}
                ${radios({
                  ...ATTENDANCE.status,
                  name: 'status',
                  value: values.status,
                  errors,
                  small: true,
                  choices: [
                    { value: 'PRESENT', text: 'Present' },
                    { value: 'APOLOGIES', text: 'Sent apologies' },
                    { value: 'ABSENT', text: 'Absent' },
                  ],
                })}
                <details
                  class="govuk-details"
                  ${values.substituteName || values.substituteOrganisation ? html` open` : html``}
                >
                  <summary class="govuk-details__summary">
                    <span class="govuk-details__summary-text">A substitute attended for them</span>
                  </summary>
                  <div class="govuk-details__text">
                    <p class="govuk-body">
                      A substitute is recorded but does not count towards quorum and cannot agree decisions.
                    </p>
                    ${textInput({ ...ATTENDANCE['substitute.name'], name: 'substituteName', value: values.substituteName, errors })}
                    ${textInput({
                      ...ATTENDANCE['substitute.organisation'],
                      name: 'substituteOrganisation',
                      value: values.substituteOrganisation,
                      errors,
                    })}
                  </div>
                </details>
                ${button('Record attendance', 'secondary')}
              </form>
              <h2 class="govuk-heading-m">Record a decision</h2>
              <form method="post" action="${action('decisions')}" novalidate>
                ${csrfField(session.csrfToken)}${idempotencyField()}
                ${textarea({
                  ...DECISION.text,
                  name: 'text',
                  hint: 'Decisions are recorded only while the meeting is quorate.',
                  value: values.text,
                  errors,
                })}
                ${button('Record decision')}
              </form>`
          : html``;

    render({
      title: heading,
      current: '/',
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<span class="govuk-caption-l">${group.name}</span>
        <h1 class="govuk-heading-l">${heading}</h1>
        ${groupNavigation(group.id, 'meetings', null)}
        ${summaryList([
          ['When', dateTime(meeting.startsAt)],
          ['Where', meeting.place],
          ['Status', STATUS_TAGS[meeting.status]],
          ['Quorum', quorumText(meeting.quorum)],
        ])}
        ${
          meeting.attendance.length > 0
            ? table(
                'Attendance',
                ['Representative', 'Partner', 'Attendance', 'Substitute'],
                meeting.attendance.map((attendee) => [
                  attendee.name,
                  attendee.partnerName,
                  attendee.status ? humanise(attendee.status) : 'Not recorded',
                  attendee.substitute
                    ? html`${attendee.substitute.name} (${attendee.substitute.organisation})
                      ${tag('Does not count', 'grey')}`
                    : '',
                ]),
              )
            : html``
        }
        ${
          meeting.writtenViews.length > 0
            ? html`<h2 class="govuk-heading-m">Written views</h2>
                ${meeting.writtenViews.map(
                  (views) =>
                    html`<h3 class="govuk-heading-s">
                        ${attendeeName.get(views.appointmentId) ?? 'A representative'}: ${views.agendaItem}
                      </h3>
                      <p class="govuk-body-s">Sent ${longDate(views.submittedOn)}</p>
                      <p class="govuk-body">${views.views}</p>`,
                )}`
            : html``
        }
        <h2 class="govuk-heading-m">Decisions</h2>
        ${
          meeting.decisions.length === 0
            ? html`<p class="govuk-body">No decisions recorded.</p>`
            : html`<ol class="govuk-list govuk-list--number">
                ${meeting.decisions.map(
                  (decision) =>
                    html`<li>
                      ${decision.text}
                      <span class="govuk-hint"
                        >(agreed by ${decision.agreedBy.length}:
                        ${joinedWithAnd(decision.agreedBy.map((id) => attendeeName.get(id) ?? 'a representative'))})</span
                      >
                    </li>`,
                )}
              </ol>`
        }
        <h2 class="govuk-heading-m">Recommendations</h2>
        ${
          meeting.meetingRecommendations.length === 0
            ? html`<p class="govuk-body">No recommendations made.</p>`
            : meeting.meetingRecommendations.map(
                (recommendation) =>
                  html`<h3 class="govuk-heading-s">${recommendation.text}</h3>
                    <p class="govuk-body">
                      Due ${longDate(recommendation.dueDate)} ${recommendation.overdue ? tag('Overdue', 'red') : html``}
                    </p>
                    ${table(
                      'Responses',
                      ['Organisation', 'Response', 'Reason', 'When'],
                      recommendation.targets.map((target) => [
                        partnerName.get(target.partnerId) ?? 'An organisation',
                        target.status === 'PENDING' ? tag('Awaiting response', 'yellow') : humanise(target.status),
                        target.reason ?? '',
                        longDate(target.respondedOn),
                      ]),
                    )}`,
              )
        }
        <h2 class="govuk-heading-m">Minutes</h2>
        ${summaryList([
          ['Stage', meeting.minutes.stage === 'NONE' ? 'Not drafted' : humanise(meeting.minutes.stage)],
          ...(meeting.minutes.approvedOn ? [['Approved', longDate(meeting.minutes.approvedOn)] as const] : []),
          ...(meeting.minutes.publishedOn ? [['Published', longDate(meeting.minutes.publishedOn)] as const] : []),
        ])}
        ${meeting.minutes.text ? html`<div class="govuk-inset-text">${meeting.minutes.text}</div>` : html``}
        ${meeting.minutes.corrections.map(
          (correction) =>
            html`<p class="govuk-body">Corrected on ${longDate(correction.correctedAt)} (${correction.reason}):</p>
              <div class="govuk-inset-text">${correction.text}</div>`,
        )}
        ${
          meeting.minutes.stage === 'PUBLISHED'
            ? table(
                'Local publication',
                ['Area', 'Published locally', 'Where'],
                meeting.localPublication.map((area) => [
                  area.areaName,
                  area.published ? longDate(area.publishedOn) : tag('Not yet', 'yellow'),
                  area.address ?? '',
                ]),
              )
            : html``
        }
        ${forms}`,
    });
  }
}
