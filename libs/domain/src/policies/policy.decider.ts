import { Decider, Message } from '../shared/decider';
import {
  addDaysToDate,
  addMonthsToDate,
  dateOrToday,
  groupDateOf,
  IsoDate,
  requireDate,
  requireNotBefore,
  requireNotFuture,
} from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { normaliseName, requireText } from '../shared/text';
import { Area } from '../regional-group/regional-group.events';

export const policyStream = (policyId: string): string => `policy-${policyId}`;

export type PolicyVersion = Readonly<{
  version: number;
  effectiveOn: string;
  reviewOn: string;
  title: string;
  body: string;
  summary: string;
}>;
/** A version as the policy's stream keeps it: with the day it was published, which bounds a later approval. */
export type PublishedPolicyVersion = PolicyVersion & Readonly<{ publishedOn: IsoDate }>;

export type PolicyDrafted = Message<
  'PolicyDrafted',
  { policyId: string; groupId: string; title: string; workstreamId: string | null; body: string; summary: string }
>;
export type PolicyDraftRevised = Message<'PolicyDraftRevised', { title: string; body: string; summary: string }>;
/**
 * D1: approved at an open, quorate meeting, by the decision recorded there, on the meeting's day.
 * Approvals recorded before `approvedOn` was kept have none: the meeting's stream alone has the day.
 */
export type PolicyApproved = Message<'PolicyApproved', { meetingId: string; decisionId: string; approvedOn?: IsoDate }>;
/** Flows into the feed of every area of the group, from the day it was published. */
export type PolicyVersionPublished = Message<
  'PolicyVersionPublished',
  PolicyVersion & { publishedOn: IsoDate; areas: readonly Area[] }
>;
export type PolicyReviewed = Message<
  'PolicyReviewed',
  { reviewedOn: string; outcome: 'NO_CHANGE' | 'REVISION_STARTED'; nextReviewOn: string | null }
>;
export type PolicyRetired = Message<'PolicyRetired', { reason: string; retiredOn: string }>;
export type PolicyEvent =
  PolicyDrafted | PolicyDraftRevised | PolicyApproved | PolicyVersionPublished | PolicyReviewed | PolicyRetired;

type PolicyCommand<Type extends string, Data> = Message<Type, Data & { actor: Actor; now: string }>;
export type DraftPolicy = PolicyCommand<
  'DraftPolicy',
  {
    policyId: string;
    groupId: string;
    title: string;
    workstreamId: string | null;
    /** The group of the workstream `workstreamId` names, as its own stream has it; null when no workstream has that id. */
    workstreamGroupId: string | null;
    body: string;
    summary: string;
    groupDissolved: boolean;
  }
>;
export type RevisePolicyDraft = PolicyCommand<'RevisePolicyDraft', { title: string; body: string; summary: string }>;
export type ApprovePolicy = PolicyCommand<
  'ApprovePolicy',
  {
    meeting: {
      meetingId: string;
      groupId: string;
      meetingDate: IsoDate;
      open: boolean;
      quorate: boolean;
      decisionIds: readonly string[];
    };
    decisionId: string;
  }
>;
export type PublishPolicyVersion = PolicyCommand<
  'PublishPolicyVersion',
  /** `publishedOn`: the day it was published; today in the group's time zone when not given. */
  { effectiveOn: string; reviewOn: string; publishedOn: IsoDate | null; areas: readonly Area[] }
>;
export type RecordPolicyReview = PolicyCommand<
  'RecordPolicyReview',
  { outcome: 'NO_CHANGE' | 'REVISION_STARTED'; nextReviewOn: string | null }
>;
export type RetirePolicy = PolicyCommand<'RetirePolicy', { reason: string }>;
export type PolicyCommandUnion =
  DraftPolicy | RevisePolicyDraft | ApprovePolicy | PublishPolicyVersion | RecordPolicyReview | RetirePolicy;

export type Policy = Readonly<{
  status: 'ACTIVE' | 'RETIRED';
  policyId: string;
  groupId: string;
  /** `approvedOn`: the day of the meeting that approved the draft; null until approved, or when not kept. */
  draft: { title: string; body: string; summary: string; approved: boolean; approvedOn: IsoDate | null } | null;
  versions: readonly PublishedPolicyVersion[];
}>;
export type PolicyState = Readonly<{ status: 'NONE' }> | Policy;

const OFFICERS = ['ADMINISTRATOR', 'CHAIR'];
function requireOfficer(actor: Actor, action: string): void {
  if (!actor.roles.some((role) => OFFICERS.includes(role))) {
    throw new DomainError('FORBIDDEN', `Only an administrator or the chair can ${action}.`, {
      requiredRole: 'ADMINISTRATOR or CHAIR',
    });
  }
}
export function evolvePolicy(state: PolicyState, event: PolicyEvent): PolicyState {
  if (event.type === 'PolicyDrafted') {
    const { policyId, groupId, title, body, summary } = event.data;
    return {
      status: 'ACTIVE',
      policyId,
      groupId,
      draft: { title, body, summary, approved: false, approvedOn: null },
      versions: [],
    };
  }
  if (state.status === 'NONE') return state;
  switch (event.type) {
    case 'PolicyDraftRevised':
      return { ...state, draft: { ...event.data, approved: false, approvedOn: null } };
    case 'PolicyApproved':
      return {
        ...state,
        draft: state.draft && { ...state.draft, approved: true, approvedOn: event.data.approvedOn ?? null },
      };
    case 'PolicyVersionPublished': {
      const { areas: _areas, ...version } = event.data;
      return { ...state, draft: null, versions: [...state.versions, version] };
    }
    case 'PolicyReviewed':
      return state;
    case 'PolicyRetired':
      return { ...state, status: 'RETIRED' };
  }
}

/** The version in force on a date: the latest whose effective date has come. A later version supersedes an earlier one from its own date. */
export function versionInForce<Version extends Pick<PolicyVersion, 'effectiveOn'>>(
  policy: { readonly versions: readonly Version[] },
  date: string,
): Version | null {
  return [...policy.versions].reverse().find((v) => v.effectiveOn <= date) ?? null;
}

/** D1 on `date`: a published policy whose review date has passed. */
export function isPolicyReviewOverdue(
  policy: Readonly<{ status: string; reviewDueOn: string | null }>,
  date: string,
): boolean {
  return policy.status === 'PUBLISHED' && policy.reviewDueOn !== null && policy.reviewDueOn < date;
}

export const policyDecider: Decider<PolicyCommandUnion, PolicyEvent, PolicyState> = {
  initialState: { status: 'NONE' },
  evolve: evolvePolicy,
  decide(command, state) {
    if (command.type === 'DraftPolicy') {
      const { actor, policyId, groupId, workstreamId, workstreamGroupId, groupDissolved } = command.data;
      requireOfficer(actor, 'draft a regional policy');
      if (state.status !== 'NONE') throw new DomainError('ALREADY_EXISTS', 'That policy already exists.');
      if (groupDissolved) throw new DomainError('GROUP_DISSOLVED', 'The regional group has been dissolved.');
      if (workstreamId !== null) {
        if (workstreamGroupId === null)
          throw new DomainError('NOT_FOUND', `There is no workstream with id ${workstreamId}.`);
        if (workstreamGroupId !== groupId)
          throw new DomainError('VALIDATION_FAILED', 'A policy is owned by a workstream of its own regional group.');
      }
      return [
        {
          type: 'PolicyDrafted',
          data: {
            policyId,
            groupId,
            workstreamId,
            title: requireText(normaliseName(command.data.title), 'The title'),
            body: requireText(command.data.body, 'The body or link'),
            summary: command.data.summary.trim(),
          },
        },
      ];
    }
    if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'There is no such policy.');
    if (state.status === 'RETIRED') throw new DomainError('VALIDATION_FAILED', 'The policy has been retired.');
    return decideForPolicy(command, state);
  },
};

function decideForPolicy(command: Exclude<PolicyCommandUnion, DraftPolicy>, policy: Policy): PolicyEvent[] {
  const { actor, now } = command.data;
  switch (command.type) {
    case 'RevisePolicyDraft':
      requireOfficer(actor, 'revise a policy draft');
      return [
        {
          type: 'PolicyDraftRevised',
          data: {
            title: requireText(normaliseName(command.data.title), 'The title'),
            body: requireText(command.data.body, 'The body or link'),
            summary: command.data.summary.trim(),
          },
        },
      ];
    case 'ApprovePolicy': {
      requireOfficer(actor, 'record the approval of a policy');
      const { meeting, decisionId } = command.data;
      if (!policy.draft)
        throw new DomainError('VALIDATION_FAILED', 'There is no draft to approve; revise the policy first.');
      if (policy.draft.approved) throw new DomainError('ALREADY_EXISTS', 'The draft is already approved.');
      if (meeting.groupId !== policy.groupId)
        throw new DomainError('VALIDATION_FAILED', 'Policies are approved at a meeting of their own group.');
      if (!meeting.open) throw new DomainError('MEETING_NOT_OPEN', 'Policies are approved at an open meeting.');
      if (!meeting.quorate) throw new DomainError('QUORUM_NOT_MET', 'Policies are approved at a quorate meeting.');
      if (!meeting.decisionIds.includes(decisionId))
        throw new DomainError('NOT_FOUND', 'That decision is not recorded at that meeting.');
      // A revision follows the version it revises, so no meeting before that version's publication approved it.
      const published = policy.versions[policy.versions.length - 1];
      if (published) {
        requireNotBefore(
          meeting.meetingDate,
          published.publishedOn,
          "The approving meeting's day",
          `the publication of version ${published.version}`,
        );
      }
      return [
        { type: 'PolicyApproved', data: { meetingId: meeting.meetingId, decisionId, approvedOn: meeting.meetingDate } },
      ];
    }
    case 'PublishPolicyVersion': {
      requireOfficer(actor, 'publish a policy');
      const { effectiveOn, reviewOn, areas } = command.data;
      if (!policy.draft?.approved) throw new DomainError('VALIDATION_FAILED', 'Only an approved draft is published.');
      const { title, body, summary, approvedOn } = policy.draft;
      const publishedOn = dateOrToday(command.data.publishedOn, now);
      requireNotFuture(publishedOn, now, 'The publication date');
      requireDate(effectiveOn, 'The effective date');
      requireDate(reviewOn, 'The review date');
      if (approvedOn !== null) {
        requireNotBefore(publishedOn, approvedOn, 'The publication date', 'the meeting that approved it');
        requireNotBefore(effectiveOn, approvedOn, 'The effective date', 'the meeting that approved it');
      }
      requireNotBefore(reviewOn, addDaysToDate(effectiveOn, 1), 'The review date', 'the day after the effective date');
      const latest = policy.versions[policy.versions.length - 1];
      if (latest) {
        requireNotBefore(
          effectiveOn,
          addDaysToDate(latest.effectiveOn, 1),
          `Version ${latest.version + 1}'s effective date`,
          `the day after version ${latest.version} took effect`,
        );
      }
      return [
        {
          type: 'PolicyVersionPublished',
          data: {
            version: (latest?.version ?? 0) + 1,
            effectiveOn,
            reviewOn,
            publishedOn,
            title,
            body,
            summary,
            areas,
          },
        },
      ];
    }
    case 'RecordPolicyReview': {
      requireOfficer(actor, 'record a policy review');
      if (policy.versions.length === 0)
        throw new DomainError('VALIDATION_FAILED', 'An unpublished policy has no review.');
      const { outcome, nextReviewOn } = command.data;
      if (!['NO_CHANGE', 'REVISION_STARTED'].includes(outcome))
        throw new DomainError('VALIDATION_FAILED', 'The outcome is NO_CHANGE or REVISION_STARTED.');
      const today = groupDateOf(now);
      const next = outcome === 'NO_CHANGE' ? (nextReviewOn ?? addMonthsToDate(today, 12)) : null;
      if (next !== null) {
        requireDate(next, 'The next review date');
        if (next <= today) throw new DomainError('VALIDATION_FAILED', 'The next review date is in the future.');
      }
      return [{ type: 'PolicyReviewed', data: { reviewedOn: today, outcome, nextReviewOn: next } }];
    }
    case 'RetirePolicy':
      requireOfficer(actor, 'retire a policy');
      return [
        {
          type: 'PolicyRetired',
          data: { reason: requireText(command.data.reason, 'The reason'), retiredOn: groupDateOf(now) },
        },
      ];
  }
}
