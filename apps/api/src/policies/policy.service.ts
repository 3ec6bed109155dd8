import { Inject, Injectable } from '@nestjs/common';
import {
  communicationDecider,
  communicationStream,
  DomainError,
  IssueRegionalCommunication,
  meetingDecider,
  meetingQuorum,
  meetingStream,
  PolicyCommandUnion,
  policyDecider,
  PolicyEvent,
  policyStream,
  workstreamDecider,
  workstreamStream,
} from '@app/domain';
import { EventStore, newEntityId, readState } from '@app/event-store';
import { Actors } from '../auth/actors';
import { CommandGateway, PreparedCommand, RequestMeta } from '../common/command-gateway';
import { IdempotentInput } from '../common/idempotency-key.input';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { LocalArrangementService } from '../local-arrangements/local-arrangement.service';
import {
  ApprovePolicyInput,
  CorrectPolicyAdoptionInput,
  DraftPolicyInput,
  IssueRegionalCommunicationInput,
  PublishPolicyVersionInput,
  RecordPolicyAdoptionInput,
  RecordPolicyReviewInput,
  RetirePolicyInput,
  RevisePolicyDraftInput,
} from './policy.types';

type Build = (context: PreparedCommand) => PolicyCommandUnion | Promise<PolicyCommandUnion>;

/**
 * An area's decision on a version as its input gives it, recorded or corrected: `notAdoptedReason`
 * is why it was not adopted, kept apart from `reason`, the reason for the change itself (A1).
 */
function adoptionOf(input: RecordPolicyAdoptionInput | CorrectPolicyAdoptionInput) {
  return {
    policyId: input.policyId,
    version: input.version,
    decision: input.decision,
    variation: input.variation ?? null,
    reason: input.notAdoptedReason ?? null,
    decidedOn: input.decidedOn ?? null,
  };
}

/**
 * The policies' use cases (D1, D5): a policy's own life on its stream, each area's decision on
 * a version on the area's stream (by the area's one path, LocalArrangementService), and regional
 * communications. The facts of other streams a rule needs (the group, the meeting, the workstream,
 * the published version) are read inside the retry loop. Each answers the id of what the caller sees the result on.
 */
@Injectable()
export class PolicyService {
  constructor(
    private readonly gateway: CommandGateway,
    private readonly actors: Actors,
    private readonly areas: LocalArrangementService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  async draft(input: DraftPolicyInput, meta: RequestMeta): Promise<string> {
    const policyId = newEntityId('policy', meta.identity.personId, input.idempotencyKey);
    await this.gateway.change(
      { operation: 'draftPolicy', input, meta },
      input.groupId,
      policyStream(policyId),
      policyDecider,
      async ({ actor, now }): Promise<PolicyCommandUnion> => ({
        type: 'DraftPolicy',
        data: {
          policyId,
          groupId: input.groupId,
          title: input.title,
          workstreamId: input.workstreamId ?? null,
          workstreamGroupId: input.workstreamId ? await this.groupOfWorkstream(input.workstreamId) : null,
          body: input.body,
          summary: input.summary,
          groupDissolved: (await this.groupFacts(input.groupId)).dissolvedAt !== null,
          actor,
          now,
        },
      }),
    );
    return policyId;
  }

  reviseDraft(input: RevisePolicyDraftInput, meta: RequestMeta): Promise<string> {
    return this.change(input.policyId, 'revisePolicyDraft', input, meta, ({ actor, now }) => ({
      type: 'RevisePolicyDraft',
      data: { title: input.title, body: input.body, summary: input.summary, actor, now },
    }));
  }

  approve(input: ApprovePolicyInput, meta: RequestMeta): Promise<string> {
    return this.change(input.policyId, 'approvePolicy', input, meta, async ({ actor, now }) => {
      const meeting = await readState(this.store, meetingStream(input.meetingId), meetingDecider);
      if (meeting.status === 'NONE')
        throw new DomainError('NOT_FOUND', `There is no meeting with id ${input.meetingId}.`);
      return {
        type: 'ApprovePolicy',
        data: {
          meeting: {
            meetingId: meeting.meetingId,
            groupId: meeting.groupId,
            meetingDate: meeting.meetingDate,
            open: meeting.status === 'OPEN',
            quorate: meetingQuorum(meeting).isQuorate,
            decisionIds: meeting.decisionIds,
          },
          decisionId: input.decisionId,
          actor,
          now,
        },
      };
    });
  }

  publishVersion(input: PublishPolicyVersionInput, meta: RequestMeta): Promise<string> {
    return this.change(input.policyId, 'publishPolicyVersion', input, meta, async ({ actor, now }) => ({
      type: 'PublishPolicyVersion',
      data: {
        effectiveOn: input.effectiveOn,
        reviewOn: input.reviewOn,
        publishedOn: input.publishedOn ?? null,
        areas: (await this.groupFacts((await this.policyState(input.policyId)).groupId)).areas,
        actor,
        now,
      },
    }));
  }

  recordReview(input: RecordPolicyReviewInput, meta: RequestMeta): Promise<string> {
    return this.change(input.policyId, 'recordPolicyReview', input, meta, ({ actor, now }) => ({
      type: 'RecordPolicyReview',
      data: { outcome: input.outcome, nextReviewOn: input.nextReviewOn ?? null, actor, now },
    }));
  }

  retire(input: RetirePolicyInput, meta: RequestMeta): Promise<string> {
    return this.change(input.policyId, 'retirePolicy', input, meta, ({ actor, now }) => ({
      type: 'RetirePolicy',
      data: { reason: input.reason, actor, now },
    }));
  }

  /** On the area's stream: the area's own business manager, on a version published to the area. */
  async recordAdoption(input: RecordPolicyAdoptionInput, meta: RequestMeta): Promise<string> {
    await this.policyState(input.policyId);
    await this.areas.change('recordPolicyAdoption', input, meta, async ({ area }) => ({
      type: 'RecordPolicyAdoption',
      data: {
        ...area,
        ...adoptionOf(input),
        publishedToAreaOn: await this.publishedToAreaOn(input.policyId, input.version, area.areaId),
      },
    }));
    return input.policyId;
  }

  /** A7, R11: on the area's stream, with a mandatory reason; the original decision stays recorded. */
  async correctAdoption(input: CorrectPolicyAdoptionInput, meta: RequestMeta): Promise<string> {
    await this.policyState(input.policyId);
    await this.areas.change('correctPolicyAdoption', input, meta, async ({ area }) => ({
      type: 'CorrectPolicyAdoption',
      data: {
        ...area,
        ...adoptionOf(input),
        publishedToAreaOn: await this.publishedToAreaOn(input.policyId, input.version, area.areaId),
        correctionReason: input.reason ?? '',
      },
    }));
    return input.policyId;
  }

  /** D5: answers the new communication's id. */
  async issueCommunication(input: IssueRegionalCommunicationInput, meta: RequestMeta): Promise<string> {
    const communicationId = newEntityId('communication', meta.identity.personId, input.idempotencyKey);
    await this.gateway.change(
      { operation: 'issueRegionalCommunication', input, meta },
      input.groupId,
      communicationStream(communicationId),
      communicationDecider,
      async ({ actor, now }): Promise<IssueRegionalCommunication> => {
        const group = await this.groupFacts(input.groupId);
        return {
          type: 'IssueRegionalCommunication',
          data: {
            communicationId,
            groupId: input.groupId,
            title: input.title,
            body: input.body,
            areaIds: input.areaIds,
            cascadeBy: input.cascadeBy,
            restricted: input.restricted,
            group: { areas: group.areas, dissolved: group.dissolvedAt !== null },
            actor,
            now,
          },
        };
      },
    );
    return communicationId;
  }

  /** A change to an existing policy, acting for the partner of the group its stream names. */
  private async change(
    policyId: string,
    operation: string,
    input: IdempotentInput,
    meta: RequestMeta,
    build: Build,
  ): Promise<string> {
    const stream = policyStream(policyId);
    const groupId = await this.actors.groupOfStream(stream, `There is no policy with id ${policyId}.`);
    await this.gateway.change({ operation, input, meta }, groupId, stream, policyDecider, build);
    return policyId;
  }

  /** The day a version of the policy was published to the area, from the policy's stream; null when it was not. */
  private async publishedToAreaOn(policyId: string, version: number, areaId: string): Promise<string | null> {
    const events = (await this.store.readStream(policyStream(policyId))) as unknown as PolicyEvent[];
    const published = events.find((e) => e.type === 'PolicyVersionPublished' && e.data.version === version);
    return published?.type === 'PolicyVersionPublished' && published.data.areas.some((a) => a.areaId === areaId)
      ? published.data.publishedOn
      : null;
  }

  private async policyState(policyId: string) {
    const state = await readState(this.store, policyStream(policyId), policyDecider);
    if (state.status === 'NONE') throw new DomainError('NOT_FOUND', `There is no policy with id ${policyId}.`);
    return state;
  }

  private async groupFacts(groupId: string) {
    const group = await this.actors.group(groupId);
    if (group.status !== 'active') throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
    return group;
  }

  private async groupOfWorkstream(workstreamId: string): Promise<string | null> {
    const workstream = await readState(this.store, workstreamStream(workstreamId), workstreamDecider);
    return workstream.status === 'NONE' ? null : workstream.groupId;
  }
}
