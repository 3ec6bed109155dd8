import { Decider, Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { dateOrToday, IsoDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { Actor } from '../shared/roles';
import { requireAreaManager } from './area-recorders';
import {
  evolveLocalRecords,
  isLocalRecordCommand,
  isLocalRecordEvent,
  LocalRecordCommand,
  LocalRecordEvent,
  LocalRecords,
  NO_LOCAL_RECORDS,
} from './local-records';
import { decideLocalRecords } from './local-records.decide';
import {
  decidePracticeReview,
  evolvePracticeReviews,
  isPracticeReviewCommand,
  PracticeReviews,
} from './practice-review.decide';
import { PracticeReviewCommand, PracticeReviewEvent } from './practice-review.events';
import { decideReportsUp, evolveReportsUp, initialReportsUp, isReportsUpCommand } from './reports-up.decide';
import { ReportsUpCommand, ReportsUpEvent, ReportsUpState } from './reports-up.events';

/** The records an area keeps for itself, never edited by the region (R11): one stream per area. */
export const localArrangementStream = (areaId: string): string => `local-arrangement-${areaId}`;

export type FeedItemAcknowledged = Message<
  'FeedItemAcknowledged',
  { areaId: string; position: number; acknowledgedAt: string }
>;
export type AdoptionDecision = 'ADOPTED' | 'ADOPTED_WITH_VARIATION' | 'NOT_ADOPTED';
/** D1: the area's own decision on one published version of a regional policy. */
export type PolicyAdoptionRecorded = Message<
  'PolicyAdoptionRecorded',
  {
    areaId: string;
    policyId: string;
    version: number;
    decision: AdoptionDecision;
    variation: string | null;
    reason: string | null;
    decidedOn: string;
  }
>;
/**
 * A7: the area's decision on a version as it should have been recorded, with the reason for the
 * correction; the original stays in the area's stream beside it.
 */
export type PolicyAdoptionCorrected = Message<
  'PolicyAdoptionCorrected',
  PolicyAdoptionRecorded['data'] & { correctionReason: string }
>;
export type LocalArrangementEvent =
  | FeedItemAcknowledged
  | PolicyAdoptionRecorded
  | PolicyAdoptionCorrected
  | LocalRecordEvent
  | PracticeReviewEvent
  | ReportsUpEvent;

export type AcknowledgeFeedItem = Message<
  'AcknowledgeFeedItem',
  {
    areaId: string;
    position: number;
    /** Whether the area's feed holds an item at that position, as the handler found it. */
    itemExists: boolean;
    managedAreaIds: readonly string[];
    actor: Actor;
    now: string;
  }
>;
export type RecordPolicyAdoption = Message<
  'RecordPolicyAdoption',
  {
    areaId: string;
    policyId: string;
    version: number;
    decision: AdoptionDecision;
    variation: string | null;
    reason: string | null;
    /** The day the area decided; today in the group's time zone when not given. */
    decidedOn: IsoDate | null;
    /** The day that version was published to this area, read from the policy's stream; null when it was not. */
    publishedToAreaOn: IsoDate | null;
    managedAreaIds: readonly string[];
    actor: Actor;
    now: string;
  }
>;
/** `decidedOn` null keeps the day recorded; `correctionReason` is mandatory (A7). */
export type CorrectPolicyAdoption = Message<
  'CorrectPolicyAdoption',
  RecordPolicyAdoption['data'] & { correctionReason: string }
>;
export type LocalArrangementCommand =
  | AcknowledgeFeedItem
  | RecordPolicyAdoption
  | CorrectPolicyAdoption
  | LocalRecordCommand
  | PracticeReviewCommand
  | ReportsUpCommand;

/** `adoptions`: the day of each decision the area recorded, by `policyId@version`. */
export type LocalArrangementState = Readonly<{
  acknowledged: readonly number[];
  adoptions: Readonly<Record<string, IsoDate>>;
  /** L1, L4: the area's agencies, own groups and published arrangements. */
  records: LocalRecords;
  practiceReviews: PracticeReviews;
  reportsUp: ReportsUpState;
}>;

export const localArrangementDecider: Decider<LocalArrangementCommand, LocalArrangementEvent, LocalArrangementState> = {
  initialState: {
    acknowledged: [],
    adoptions: {},
    records: NO_LOCAL_RECORDS,
    practiceReviews: {},
    reportsUp: initialReportsUp,
  },
  evolve(state, event) {
    if (isLocalRecordEvent(event)) return { ...state, records: evolveLocalRecords(state.records, event) };
    if (event.type === 'FeedItemAcknowledged')
      return { ...state, acknowledged: [...state.acknowledged, event.data.position] };
    if (event.type === 'PolicyAdoptionRecorded' || event.type === 'PolicyAdoptionCorrected')
      return {
        ...state,
        adoptions: { ...state.adoptions, [`${event.data.policyId}@${event.data.version}`]: event.data.decidedOn },
      };
    return {
      ...state,
      practiceReviews: evolvePracticeReviews(state.practiceReviews, event),
      reportsUp: evolveReportsUp(state.reportsUp, event),
    };
  },
  decide(command, state) {
    if (isLocalRecordCommand(command)) return decideLocalRecords(command, state.records);
    if (isPracticeReviewCommand(command)) return decidePracticeReview(command, state.practiceReviews);
    if (isReportsUpCommand(command)) return decideReportsUp(command, state.reportsUp);
    if (command.type === 'RecordPolicyAdoption') return recordAdoption(command, state);
    if (command.type === 'CorrectPolicyAdoption') return correctAdoption(command, state);
    const { actor, areaId, position, itemExists, managedAreaIds, now } = command.data;
    requireAreaManager(actor, areaId, managedAreaIds, 'acknowledges its feed');
    if (!itemExists) throw new DomainError('NOT_FOUND', "There is no such item in the area's feed.");
    if (state.acknowledged.includes(position))
      throw new DomainError('ALREADY_EXISTS', 'The area has already acknowledged that item.');
    return [{ type: 'FeedItemAcknowledged', data: { areaId, position, acknowledgedAt: now } }];
  },
};

/** D1, R11: each area decides for itself on each version; the region cannot decide for it. */
function recordAdoption(command: RecordPolicyAdoption, state: LocalArrangementState): LocalArrangementEvent[] {
  const { actor, areaId, policyId, version, managedAreaIds, publishedToAreaOn, now } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its decision on a regional policy');
  if (publishedToAreaOn === null)
    throw new DomainError('NOT_FOUND', 'That version of the policy was not published to this area.');
  if (state.adoptions[`${policyId}@${version}`] !== undefined)
    throw new DomainError('ALREADY_EXISTS', 'The area has already decided on that version.');
  return [
    { type: 'PolicyAdoptionRecorded', data: adoptionDecision(command.data, dateOrToday(command.data.decidedOn, now)) },
  ];
}

/**
 * D1: a decision on a version as the area records it: a variation's text, or a reason for not
 * adopting, on a day from the version's publication to the area until today.
 */
function adoptionDecision(data: RecordPolicyAdoption['data'], decidedOn: IsoDate): PolicyAdoptionRecorded['data'] {
  const { areaId, policyId, version, decision, publishedToAreaOn, now } = data;
  const variation = data.variation?.trim() || null;
  const reason = data.reason?.trim() || null;
  if (decision === 'ADOPTED_WITH_VARIATION' && !variation)
    throw new DomainError('VALIDATION_FAILED', 'Adopting with a variation needs the text of the variation.');
  if (decision === 'NOT_ADOPTED' && !reason)
    throw new DomainError('VALIDATION_FAILED', 'Not adopting a policy needs a reason.');
  if (!['ADOPTED', 'ADOPTED_WITH_VARIATION', 'NOT_ADOPTED'].includes(decision)) {
    throw new DomainError('VALIDATION_FAILED', 'The decision is ADOPTED, ADOPTED_WITH_VARIATION or NOT_ADOPTED.');
  }
  requireNotFuture(decidedOn, now, 'The date of the decision');
  if (publishedToAreaOn !== null)
    requireNotBefore(
      decidedOn,
      publishedToAreaOn,
      'The date of the decision',
      `version ${version}'s publication`,
      'decidedOn',
    );
  return {
    areaId,
    policyId,
    version,
    decision,
    variation: decision === 'ADOPTED_WITH_VARIATION' ? variation : null,
    reason: decision === 'NOT_ADOPTED' ? reason : null,
    decidedOn,
  };
}

/** A7, R11: the area's own business manager corrects the area's recorded decision, saying why. */
function correctAdoption(command: CorrectPolicyAdoption, state: LocalArrangementState): LocalArrangementEvent[] {
  const { actor, areaId, policyId, version, managedAreaIds } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'corrects its decision on a regional policy');
  const recordedOn = state.adoptions[`${policyId}@${version}`];
  if (recordedOn === undefined)
    throw new DomainError('NOT_FOUND', 'The area has recorded no decision on that version to correct.');
  const correctionReason = command.data.correctionReason.trim();
  if (!correctionReason) throw new DomainError('VALIDATION_FAILED', 'A correction needs a reason.');
  const decided = adoptionDecision(command.data, command.data.decidedOn ?? recordedOn);
  return [{ type: 'PolicyAdoptionCorrected', data: { ...decided, correctionReason } }];
}
