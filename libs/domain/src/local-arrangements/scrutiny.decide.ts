import { decideRecommendationResponse } from '../meetings/recommendation-response';
import { requireDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { requireName } from '../shared/text';
import { scrutineerAppointment } from '../regional-group/group-scrutiny';
import { requireAreaManager } from './area-recorders';
import { requireScrutineerOn } from './scrutineers';
import {
  AppointScrutineer,
  PublishScrutinyReport,
  RecordScrutinyActivity,
  RespondToScrutinyRecommendation,
  ScrutinyEvent,
  ScrutinyState,
} from './scrutiny';

/** L6: the area's independent scrutineer, appointed from a day, until a day when known. */
export function appointScrutineer(command: AppointScrutineer, state: ScrutinyState): ScrutinyEvent[] {
  const { actor, areaId, managedAreaIds, scrutineerId, from, to } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'appoints its independent scrutineer');
  if (state.scrutineers[scrutineerId])
    throw new DomainError('ALREADY_EXISTS', `Scrutineer ${scrutineerId} is already appointed.`);
  const name = scrutineerAppointment(command.data.name, from, to);
  return [{ type: 'ScrutineerAppointed', data: { areaId, scrutineerId, name, from, to } }];
}

/** L6: what the scrutineer examined, and when. */
export function recordScrutinyActivity(command: RecordScrutinyActivity, state: ScrutinyState): ScrutinyEvent[] {
  const { actor, areaId, managedAreaIds, activityId, scrutineerId, on, now, groupScrutineers } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its scrutiny');
  if (state.activities.includes(activityId))
    throw new DomainError('ALREADY_EXISTS', `Activity ${activityId} is already recorded.`);
  const examined = requireName(command.data.examined, 'What was examined');
  requireNotFuture(on, now, 'The day of the activity');
  requireScrutineerOn(scrutineerId, on, { area: state.scrutineers, group: groupScrutineers });
  return [{ type: 'ScrutinyActivityRecorded', data: { areaId, activityId, scrutineerId, examined, on } }];
}

/** L6: a scrutiny report with recommendations, each to named partners of the area's group, with a due date. */
export function publishScrutinyReport(command: PublishScrutinyReport, state: ScrutinyState): ScrutinyEvent[] {
  const { actor, areaId, managedAreaIds, reportId, scrutineerId, publishedOn, now, groupPartnerIds, groupScrutineers } =
    command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'publishes its scrutiny reports');
  if (state.reports[reportId]) throw new DomainError('ALREADY_EXISTS', `Report ${reportId} is already published.`);
  const title = requireName(command.data.title, "The report's title");
  requireNotFuture(publishedOn, now, 'The publication date');
  requireScrutineerOn(scrutineerId, publishedOn, { area: state.scrutineers, group: groupScrutineers });
  const recommendations = command.data.recommendations.map((recommendation) => {
    const text = requireName(recommendation.text, 'A recommendation');
    const targets = [...new Set(recommendation.targetPartnerIds)];
    if (targets.length === 0)
      throw new DomainError('VALIDATION_FAILED', 'Each recommendation names the partners it is made to.');
    const unknown = targets.filter((id) => !groupPartnerIds.includes(id));
    if (unknown.length > 0)
      throw new DomainError('NOT_FOUND', `No core partner of the area's group has id ${unknown.join(', ')}.`);
    requireDate(recommendation.dueDate, 'The due date of a recommendation');
    requireNotBefore(recommendation.dueDate, publishedOn, 'The due date of a recommendation', 'the report');
    return { ...recommendation, text, targetPartnerIds: targets };
  });
  return [
    { type: 'ScrutinyReportPublished', data: { areaId, reportId, scrutineerId, title, publishedOn, recommendations } },
  ];
}

/** L6 with R9's rule: a target partner answers for itself. */
export function respondToScrutinyRecommendation(
  command: RespondToScrutinyRecommendation,
  state: ScrutinyState,
): ScrutinyEvent[] {
  const { actor, areaId, recommendationId, partnerId, response } = command.data;
  const reportId = Object.keys(state.reports).find((id) => state.reports[id].recommendations[recommendationId]);
  if (reportId === undefined)
    throw new DomainError('NOT_FOUND', "There is no such recommendation in the area's scrutiny reports.");
  const report = state.reports[reportId];
  const recommendation = report.recommendations[recommendationId];
  const { reason, respondedOn } = decideRecommendationResponse({
    targetPartnerIds: recommendation.targetPartnerIds,
    previous: recommendation.responses[partnerId] ?? null,
    partnerId,
    actorPartnerId: actor.partnerId,
    successors: command.data.successors,
    response,
    reason: command.data.reason,
    respondedOn: command.data.respondedOn,
    now: command.data.now,
    madeOn: report.publishedOn,
    madeBy: 'the report that made it',
  });
  return [
    {
      type: 'ScrutinyRecommendationResponded',
      data: { areaId, reportId, recommendationId, partnerId, response, reason, respondedOn },
    },
  ];
}
