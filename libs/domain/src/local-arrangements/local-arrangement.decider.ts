import { Decider, Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { dateOrToday, IsoDate, requireNotFuture } from '../shared/dates';
import { Actor } from '../shared/roles';
import { requireAreaManager } from './area-recorders';
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
export type LocalArrangementEvent =
  FeedItemAcknowledged | PolicyAdoptionRecorded | PracticeReviewEvent | ReportsUpEvent;

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
    /** Whether that version was published to this area, read from the policy's stream. */
    publishedToArea: boolean;
    managedAreaIds: readonly string[];
    actor: Actor;
    now: string;
  }
>;
export type LocalArrangementCommand =
  AcknowledgeFeedItem | RecordPolicyAdoption | PracticeReviewCommand | ReportsUpCommand;

export type LocalArrangementState = Readonly<{
  acknowledged: readonly number[];
  adoptions: readonly string[];
  practiceReviews: PracticeReviews;
  reportsUp: ReportsUpState;
}>;

export const localArrangementDecider: Decider<LocalArrangementCommand, LocalArrangementEvent, LocalArrangementState> = {
  initialState: { acknowledged: [], adoptions: [], practiceReviews: {}, reportsUp: initialReportsUp },
  evolve(state, event) {
    if (event.type === 'FeedItemAcknowledged')
      return { ...state, acknowledged: [...state.acknowledged, event.data.position] };
    if (event.type === 'PolicyAdoptionRecorded')
      return { ...state, adoptions: [...state.adoptions, `${event.data.policyId}@${event.data.version}`] };
    return {
      ...state,
      practiceReviews: evolvePracticeReviews(state.practiceReviews, event),
      reportsUp: evolveReportsUp(state.reportsUp, event),
    };
  },
  decide(command, state) {
    if (isPracticeReviewCommand(command)) return decidePracticeReview(command, state.practiceReviews);
    if (isReportsUpCommand(command)) return decideReportsUp(command, state.reportsUp);
    if (command.type === 'RecordPolicyAdoption') return recordAdoption(command, state);
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
  const { actor, areaId, policyId, version, decision, managedAreaIds, publishedToArea, now } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its decision on a regional policy');
  if (!publishedToArea)
    throw new DomainError('NOT_FOUND', 'That version of the policy was not published to this area.');
  if (state.adoptions.includes(`${policyId}@${version}`))
    throw new DomainError('ALREADY_EXISTS', 'The area has already decided on that version.');
  const variation = command.data.variation?.trim() || null;
  const reason = command.data.reason?.trim() || null;
  if (decision === 'ADOPTED_WITH_VARIATION' && !variation)
    throw new DomainError('VALIDATION_FAILED', 'Adopting with a variation needs the text of the variation.');
  if (decision === 'NOT_ADOPTED' && !reason)
    throw new DomainError('VALIDATION_FAILED', 'Not adopting a policy needs a reason.');
  if (!['ADOPTED', 'ADOPTED_WITH_VARIATION', 'NOT_ADOPTED'].includes(decision)) {
    throw new DomainError('VALIDATION_FAILED', 'The decision is ADOPTED, ADOPTED_WITH_VARIATION or NOT_ADOPTED.');
  }
  const decidedOn = dateOrToday(command.data.decidedOn, now);
  requireNotFuture(decidedOn, now, 'The date of the decision');
  return [
    {
      type: 'PolicyAdoptionRecorded',
      data: {
        areaId,
        policyId,
        version,
        decision,
        variation: decision === 'ADOPTED_WITH_VARIATION' ? variation : null,
        reason: decision === 'NOT_ADOPTED' ? reason : null,
        decidedOn,
      },
    },
  ];
}
