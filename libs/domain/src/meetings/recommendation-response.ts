import { dateOrToday, IsoDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { RecommendationResponse } from './meeting.events';

export const RECOMMENDATION_RESPONSES: readonly RecommendationResponse[] = ['ACCEPTED', 'DECLINED', 'IMPLEMENTED'];

/** What the rule needs to know of a response to a recommendation, wherever it was made (a meeting, a scrutiny report). */
export type ResponseToDecide = Readonly<{
  targetPartnerIds: readonly string[];
  /** The target's latest response so far, if any. */
  previous: RecommendationResponse | null;
  partnerId: string;
  actorPartnerId: string | null;
  /** Predecessor -> successor (R16). */
  successors: Readonly<Record<string, string>>;
  response: RecommendationResponse;
  reason: string | null;
  respondedOn: IsoDate | null;
  now: string;
  /** The day the recommendation was made: no response before it. */
  madeOn: IsoDate;
  madeBy: string;
}>;

/**
 * R9, R41, the one rule for responding to a recommendation: a target organisation answers for itself
 * (or its successor for it), accepting, declining with a reason, or implementing, once implemented no more.
 */
export function decideRecommendationResponse(facts: ResponseToDecide): { reason: string | null; respondedOn: IsoDate } {
  const { partnerId, actorPartnerId, response } = facts;
  if (!facts.targetPartnerIds.includes(partnerId))
    throw new DomainError('VALIDATION_FAILED', 'The recommendation was not made to that organisation.');
  // R16: a successor takes over its predecessor's open obligations, so it answers for it.
  const answersFor =
    actorPartnerId === partnerId || (actorPartnerId !== null && facts.successors[partnerId] === actorPartnerId);
  if (!answersFor) {
    throw new DomainError(
      'FORBIDDEN',
      'Only a representative of a target organisation (or of its successor) can respond, and only for that organisation.',
      { requiredRole: 'REPRESENTATIVE of the target partner' },
    );
  }
  if (!RECOMMENDATION_RESPONSES.includes(response))
    throw new DomainError('VALIDATION_FAILED', 'A response is ACCEPTED, DECLINED or IMPLEMENTED.');
  const reason = facts.reason?.trim() || null;
  if (response === 'DECLINED' && !reason)
    throw new DomainError('VALIDATION_FAILED', 'Declining a recommendation needs a reason.');
  if (facts.previous === 'IMPLEMENTED')
    throw new DomainError('VALIDATION_FAILED', 'The recommendation is already implemented.');
  const respondedOn = dateOrToday(facts.respondedOn, facts.now);
  requireNotFuture(respondedOn, facts.now, 'The date of the response');
  requireNotBefore(respondedOn, facts.madeOn, 'The date of the response', facts.madeBy);
  return { reason, respondedOn };
}
