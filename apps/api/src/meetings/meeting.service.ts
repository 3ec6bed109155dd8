import { Inject, Injectable } from '@nestjs/common';
import {
  DomainError,
  groupDateOf,
  MeetingCommandUnion,
  meetingDecider,
  meetingQuorum,
  meetingStream,
  presentRepresentatives,
  RegionalGroupCommand,
  regionalGroupDecider,
  regionalGroupStream,
  successorsOf,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { Actors } from '../auth/actors';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { GroupFactsReader } from './group-facts';
import {
  ApproveMinutesInput,
  CorrectDecisionInput,
  CorrectMeetingDetailsInput,
  CorrectMinutesInput,
  DraftMinutesInput,
  MakeRecommendationInput,
  MeetingIdInput,
  RecordAttendanceInput,
  RecordDecisionInput,
  RecordDissolutionAgreementInput,
  PublishMinutesInput,
  RecordLocalPublicationInput,
  RespondToRecommendationInput,
  ScheduleMeetingInput,
  SubmitWrittenViewsInput,
} from './meeting.inputs';

type Build = (context: PreparedCommand, groupId: string) => MeetingCommandUnion | Promise<MeetingCommandUnion>;

/**
 * The meetings' use cases (R6-R10, R14): each prepares who acts, reads the group's facts of the
 * day (and the other meeting or the succession chain where a rule needs them) inside the retry
 * loop, and has the meeting decider decide. Each answers the id of the meeting changed.
 */
@Injectable()
export class MeetingService {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly actors: Actors,
    private readonly facts: GroupFactsReader,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async schedule(input: ScheduleMeetingInput, meta: RequestMeta): Promise<string> {
    const meetingId = newEntityId('meeting', meta.identity.personId, input.idempotencyKey);
    const { groupId } = input;
    await this.gateway.change(
      { operation: 'scheduleMeeting', input, meta },
      groupId,
      meetingStream(meetingId),
      meetingDecider,
      async ({ actor, now }): Promise<MeetingCommandUnion> => ({
        type: 'ScheduleMeeting',
        data: {
          meetingId,
          groupId,
          startsAt: input.startsAt,
          place: input.place,
          bookedOn: input.bookedOn ?? null,
          group: await this.facts.factsOf(groupId),
          actor,
          now,
        },
      }),
    );
    return meetingId;
  }

  /** R7, A3: snapshots the representatives of the meeting's own date. */
  open(input: MeetingIdInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'openMeeting', input, meta, async ({ actor, now }, groupId) => {
      const { meetingDate } = await this.meetingState(input.meetingId);
      return { type: 'OpenMeeting', data: { group: await this.facts.factsOf(groupId, meetingDate), actor, now } };
    });
  }

  recordAttendance(input: RecordAttendanceInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'recordAttendance', input, meta, ({ actor, now }) => ({
      type: 'RecordAttendance',
      data: {
        appointmentId: input.appointmentId,
        status: input.status,
        substitute: input.substitute ?? null,
        actor,
        now,
      },
    }));
  }

  submitWrittenViews(input: SubmitWrittenViewsInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'submitWrittenViews', input, meta, async ({ actor, now }, groupId) => ({
      type: 'SubmitWrittenViews',
      data: {
        appointmentId: input.appointmentId,
        agendaItem: input.agendaItem,
        views: input.views,
        submittedOn: input.submittedOn ?? null,
        appointedOn: await this.facts.appointmentStartOf(groupId, input.appointmentId),
        actor,
        now,
      },
    }));
  }

  close(input: MeetingIdInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'closeMeeting', input, meta, ({ actor, now }) => ({
      type: 'CloseMeeting',
      data: { actor, now },
    }));
  }

  recordDecision(input: RecordDecisionInput, meta: RequestMeta): Promise<string> {
    const stream = meetingStream(input.meetingId);
    const decisionId = newEntityId('decision', meta.identity.personId, input.idempotencyKey, stream);
    return this.change(input.meetingId, 'recordDecision', input, meta, ({ actor, now }) => ({
      type: 'RecordDecision',
      data: { decisionId, text: input.text, actor, now },
    }));
  }

  makeRecommendation(input: MakeRecommendationInput, meta: RequestMeta): Promise<string> {
    const stream = meetingStream(input.meetingId);
    const recommendationId = newEntityId('recommendation', meta.identity.personId, input.idempotencyKey, stream);
    return this.change(input.meetingId, 'makeRecommendation', input, meta, async ({ actor, now }, groupId) => ({
      type: 'MakeRecommendation',
      data: {
        recommendationId,
        text: input.text,
        targetPartnerIds: input.targetPartnerIds,
        dueDate: input.dueDate,
        group: await this.facts.factsOf(groupId),
        actor,
        now,
      },
    }));
  }

  /** A succeeded partner's recommendation is answered by the partner at the end of its line of successors. */
  respondToRecommendation(input: RespondToRecommendationInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'respondToRecommendation', input, meta, async ({ actor, now }, groupId) => {
      const group = await this.actors.group(groupId);
      return {
        type: 'RespondToRecommendation',
        data: {
          recommendationId: input.recommendationId,
          partnerId: input.partnerId,
          response: input.response,
          reason: input.reason ?? null,
          respondedOn: input.respondedOn ?? null,
          successors: group.status === 'active' ? successorsOf(Object.values(group.partners)) : {},
          actor,
          now,
        },
      };
    });
  }

  draftMinutes(input: DraftMinutesInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'draftMinutes', input, meta, async ({ actor, now }, groupId) => ({
      type: 'DraftMinutes',
      data: { text: input.text, group: await this.facts.factsOf(groupId), actor, now },
    }));
  }

  /** By the chair, or at a later open, quorate meeting, as that meeting's stream says. */
  approveMinutes(input: ApproveMinutesInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'approveMinutes', input, meta, async ({ actor, now }) => {
      let atMeeting = null;
      if (input.atMeetingId) {
        const later = await this.meetingState(input.atMeetingId);
        atMeeting = {
          meetingId: later.meetingId,
          groupId: later.groupId,
          startsAt: later.startsAt,
          open: later.status === 'OPEN',
          quorate: meetingQuorum(later).isQuorate,
        };
      }
      return { type: 'ApproveMinutes', data: { atMeeting, approvedOn: input.approvedOn ?? null, actor, now } };
    });
  }

  publishMinutes(input: PublishMinutesInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'publishMinutes', input, meta, async ({ actor, now }, groupId) => ({
      type: 'PublishMinutes',
      data: { group: await this.facts.factsOf(groupId), publishedOn: input.publishedOn ?? null, actor, now },
    }));
  }

  correctMinutes(input: CorrectMinutesInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'correctMinutes', input, meta, async ({ actor, now }, groupId) => ({
      type: 'CorrectMinutes',
      data: { text: input.text, reason: input.reason, group: await this.facts.factsOf(groupId), actor, now },
    }));
  }

  correctDecision(input: CorrectDecisionInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'correctDecision', input, meta, ({ actor, now }) => ({
      type: 'CorrectDecision',
      data: { decisionId: input.decisionId, text: input.text, reason: input.reason ?? '', actor, now },
    }));
  }

  /** A7: decided on the group's facts of the corrected day, so a held meeting is counted again from them (R7). */
  correctDetails(input: CorrectMeetingDetailsInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'correctMeetingDetails', input, meta, async ({ actor, now }, groupId) => {
      // A date that does not parse is refused by the decider, on today's facts.
      const instant = Date.parse(input.startsAt);
      const on = Number.isNaN(instant) ? undefined : groupDateOf(new Date(instant).toISOString());
      return {
        type: 'CorrectMeetingDetails',
        data: {
          startsAt: input.startsAt,
          place: input.place,
          reason: input.reason ?? '',
          bookedOn: input.bookedOn ?? null,
          group: await this.facts.factsOf(groupId, on),
          actor,
          now,
        },
      };
    });
  }

  recordLocalPublication(input: RecordLocalPublicationInput, meta: RequestMeta): Promise<string> {
    return this.change(input.meetingId, 'recordLocalPublication', input, meta, async ({ actor, now }) => ({
      type: 'RecordLocalPublication',
      data: {
        areaId: input.areaId,
        address: input.address,
        publishedOn: input.publishedOn,
        managedAreaIds: this.actors.managedAreaIds(await this.actors.access(), meta.identity.personId),
        actor,
        now,
      },
    }));
  }

  /** R14: on the group's stream, decided on the meeting's facts (open, quorate, who was present). Answers the group's id. */
  async recordDissolutionAgreement(input: RecordDissolutionAgreementInput, meta: RequestMeta): Promise<string> {
    await this.gateway.change(
      { operation: 'recordDissolutionAgreement', input, meta },
      input.groupId,
      regionalGroupStream(input.groupId),
      regionalGroupDecider,
      async ({ actor, now }): Promise<RegionalGroupCommand> => {
        const meeting = await this.meetingState(input.meetingId);
        const present = presentRepresentatives(meeting);
        return {
          type: 'RecordDissolutionAgreement',
          data: {
            partnerId: input.partnerId,
            meeting: {
              meetingId: meeting.meetingId,
              groupId: meeting.groupId,
              open: meeting.status === 'OPEN',
              quorate: meetingQuorum(meeting).isQuorate,
              presentPartnerIds: present.map((rep) => rep.partnerId),
              presentPersonIds: present.map((rep) => rep.personId),
            },
            actor,
            now,
          },
        };
      },
    );
    return input.groupId;
  }

  /** A change to an existing meeting, acting for the partner of the group its stream names. */
  private async change(
    meetingId: string,
    operation: string,
    input: IdempotentInput,
    meta: RequestMeta,
    build: Build,
  ): Promise<string> {
    const stream = meetingStream(meetingId);
    const groupId = await this.actors.groupOfStream(stream, `There is no meeting with id ${meetingId}.`);
    await this.gateway.change({ operation, input, meta }, groupId, stream, meetingDecider, (context) =>
      build(context, groupId),
    );
    return meetingId;
  }

  /** The meeting as it stands in its own stream: for rules of one aggregate that depend on another. */
  private async meetingState(meetingId: string) {
    const state = await readState(this.store, meetingStream(meetingId), meetingDecider);
    if (state.status === 'NONE') throw new DomainError('NOT_FOUND', `There is no meeting with id ${meetingId}.`);
    return state;
  }
}
