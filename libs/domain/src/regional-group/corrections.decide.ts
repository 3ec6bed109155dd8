import { requireDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { normaliseName } from '../shared/text';
import { partnerRepresentedBy, requireAdministratorOrChair } from './permissions';
import { CorrectAppointmentDates, CorrectFundingContribution } from './regional-group.commands';
import { RegionalGroupEvent } from './regional-group.events';
import { ActiveGroup } from './regional-group.state';

/** A7: a correction always says why; the original stays in the stream beside it. */
function requireReason(reason: string): string {
  const text = reason.trim();
  if (text.length === 0) throw new DomainError('VALIDATION_FAILED', 'A correction needs a reason.');
  return text;
}

/**
 * A7: an appointment's start and end dates corrected by whoever may appoint (the administrator or
 * the chair). The corrected period must still fit the partner's membership, the seats it passed
 * through, the posts it held and the person's other appointments.
 */
export function correctAppointmentDates(command: CorrectAppointmentDates, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, now, appointmentId, startDate, endDate } = command.data;
  requireAdministratorOrChair(group, actor, "correct a representative's appointment");
  const appointment = group.appointments.get(appointmentId);
  if (!appointment)
    throw new DomainError('NOT_FOUND', `${group.name} has no representative appointment ${appointmentId}.`);
  const reason = requireReason(command.data.reason);
  requireNotFuture(startDate, now, 'The start date');
  const [first, ...later] = appointment.seats;
  const partner = group.partners[first.partnerId];
  requireNotBefore(startDate, partner.admittedOn, 'The start date', `${partner.name} was admitted`);
  if (appointment.endDate === null && endDate !== null) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${appointment.name}'s appointment has not ended; end it rather than correct it.`,
    );
  }
  if (appointment.endDate !== null && endDate === null) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${appointment.name}'s appointment ended on ${appointment.endDate}; a correction gives the day it really ended.`,
    );
  }
  if (endDate !== null) {
    requireDate(endDate, 'The end date');
    if (endDate <= startDate)
      throw new DomainError('VALIDATION_FAILED', 'The end date must come after the start date.');
  }
  if (startDate === appointment.startDate && endDate === appointment.endDate)
    throw new DomainError('VALIDATION_FAILED', 'Those are the dates already recorded; there is nothing to correct.');
  // R16: a seat passed to a successor on a day the corrected appointment must still span.
  const handedOver = later[0]?.from;
  const lastSeat = appointment.seats[appointment.seats.length - 1].from;
  if ((handedOver !== undefined && startDate >= handedOver) || (endDate !== null && endDate <= lastSeat)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${appointment.name}'s seat passed to a successor on ${handedOver ?? lastSeat}; the corrected dates must span that day.`,
    );
  }
  const post = group.posts.find(
    (term) =>
      term.appointmentId === appointmentId &&
      (term.from < startDate || (endDate !== null && (term.to === null || term.to > endDate))),
  );
  if (post) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${appointment.name} held the ${post.post === 'CHAIR' ? 'chair' : 'deputy chair'} from ${post.from}${post.to ? ` to ${post.to}` : ''}; the appointment must cover that term.`,
    );
  }
  const overlapping = group.appointments
    .values()
    .find(
      (other) =>
        other.appointmentId !== appointmentId &&
        other.personId === appointment.personId &&
        (other.endDate === null || other.endDate > startDate) &&
        (endDate === null || other.startDate < endDate),
    );
  if (overlapping) {
    throw new DomainError(
      'ALREADY_REPRESENTING',
      `${appointment.name} represented another partner from ${overlapping.startDate}; a person represents one partner at a time.`,
    );
  }
  return [{ type: 'AppointmentDatesCorrected', data: { appointmentId, startDate, endDate, reason } }];
}

/**
 * A7, R15: the amount and in-kind part of the contribution in force corrected, by whoever may
 * record it: the administrator or the chair for an agreed one, the partner's own representative
 * for its unilateral change.
 */
export function correctFundingContribution(
  command: CorrectFundingContribution,
  group: ActiveGroup,
): RegionalGroupEvent[] {
  const { actor, now, partnerId, financialYear, amountPence } = command.data;
  const partner = group.partners[partnerId];
  if (!partner) throw new DomainError('NOT_FOUND', `${group.name} has no core partner ${partnerId}.`);
  const contribution = group.funding.find((c) => c.partnerId === partnerId && c.financialYear === financialYear);
  if (!contribution)
    throw new DomainError('NOT_FOUND', `${partner.name} has no contribution recorded for ${financialYear}.`);
  if (!contribution.unilateral) {
    requireAdministratorOrChair(group, actor, 'correct an agreed funding contribution');
  } else if (partnerRepresentedBy(group, actor, now) !== partnerId) {
    throw new DomainError('FORBIDDEN', `Only a current representative of ${partner.name} can correct its own change.`, {
      requiredRole: 'REPRESENTATIVE of the partner',
    });
  }
  const reason = requireReason(command.data.reason);
  if (!Number.isSafeInteger(amountPence) || amountPence < 0)
    throw new DomainError('VALIDATION_FAILED', 'A contribution is a whole, non-negative number of pence.');
  const inKind = normaliseName(command.data.inKind ?? '') || null;
  if (amountPence === contribution.amountPence && inKind === contribution.inKind)
    throw new DomainError(
      'VALIDATION_FAILED',
      'That is the contribution already recorded; there is nothing to correct.',
    );
  return [{ type: 'FundingContributionCorrected', data: { partnerId, financialYear, amountPence, inKind, reason } }];
}
