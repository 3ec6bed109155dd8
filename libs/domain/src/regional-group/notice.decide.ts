import { addMonthsToDate, groupDateOf, requireDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { gapsCreated } from './coverage';
import { currentPartner } from './membership.decide';
import { quorumOf } from './quorum';
import { ApplyDueNotices, GiveNoticeToLeave, WithdrawNotice } from './regional-group.commands';
import { DepartureConsequences, PartnerLeft, RegionalGroupEvent } from './regional-group.events';
import { ActiveGroup, evolveGroup } from './regional-group.state';
import { termsInForceOn } from './terms';

/** The event that records a partner leaving: its appointments end and any post its people held falls vacant. */
export function departure(group: ActiveGroup, noticeId: string, partnerId: string, leftOn: string): PartnerLeft {
  const ending = group.appointments.filter(
    (a) => a.partnerId === partnerId && (a.endDate === null || a.endDate > leftOn),
  );
  const endedAppointmentIds = ending.map((a) => a.appointmentId);
  const postsVacated: ('CHAIR' | 'DEPUTY_CHAIR')[] = [];
  if (group.chair && endedAppointmentIds.includes(group.chair)) postsVacated.push('CHAIR');
  if (group.deputyChair && endedAppointmentIds.includes(group.deputyChair)) postsVacated.push('DEPUTY_CHAIR');
  const event: PartnerLeft = {
    type: 'PartnerLeft',
    data: { noticeId, partnerId, leftOn, endedAppointmentIds, postsVacated, coverageGaps: [] },
  };
  const after = evolveGroup(group, event) as ActiveGroup;
  return { ...event, data: { ...event.data, coverageGaps: gapsCreated(group, after, leftOn) } };
}

/**
 * R13: what the partner leaving on `effectiveOn` does to the group as it stands: the gaps it opens
 * and the quorum after. Asked again of a later state, it counts areas, coverage and appointments
 * recorded since the notice was given.
 */
export function departureConsequences(
  group: ActiveGroup,
  noticeId: string,
  partnerId: string,
  effectiveOn: string,
): DepartureConsequences {
  const left = departure(group, noticeId, partnerId, effectiveOn);
  const quorum = quorumOf(evolveGroup(group, left) as ActiveGroup, effectiveOn);
  return {
    coverageGaps: left.data.coverageGaps,
    representativeCount: quorum.representativeCount,
    quorumRequired: quorum.required,
  };
}

/** R13, R41: a partner gives notice through its own representative, at least the notice period ahead. */
export function giveNoticeToLeave(command: GiveNoticeToLeave, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, noticeId, partnerId, givenOn, effectiveOn } = command.data;
  const partner = currentPartner(group, partnerId);
  if (actor.partnerId !== partnerId) {
    throw new DomainError('FORBIDDEN', `Only a representative of ${partner.name} can give its notice to leave.`, {
      requiredRole: 'REPRESENTATIVE of the partner',
    });
  }
  requireDate(givenOn, 'The date the notice is given');
  requireDate(effectiveOn, 'The effective date');
  // Dated the day it is recorded: a backdated notice would cut the notice period short (R13, A7).
  if (givenOn !== groupDateOf(command.data.now)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `A notice is dated the day it is given: ${groupDateOf(command.data.now)}.`,
    );
  }
  if (Object.values(group.notices).some((n) => n.partnerId === partnerId && n.status === 'OPEN')) {
    throw new DomainError('ALREADY_EXISTS', `${partner.name} has already given notice.`);
  }
  const months = termsInForceOn(group.terms, givenOn).terms.noticePeriodMonths;
  const earliest = addMonthsToDate(givenOn, months);
  if (effectiveOn < earliest) {
    throw new DomainError(
      'NOTICE_TOO_SHORT',
      `Notice to leave is ${months} months: given on ${givenOn}, it takes effect on ${earliest} at the earliest.`,
      {
        earliestEffectiveOn: earliest,
      },
    );
  }
  return [
    {
      type: 'NoticeToLeaveGiven',
      data: {
        noticeId,
        partnerId,
        partnerName: partner.name,
        givenOn,
        effectiveOn,
        areaIds: partner.areaIds,
        consequences: departureConsequences(group, noticeId, partnerId, effectiveOn),
      },
    },
  ];
}

export function withdrawNotice(command: WithdrawNotice, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, noticeId, now } = command.data;
  const notice = group.notices[noticeId];
  if (!notice) throw new DomainError('NOT_FOUND', 'There is no such notice to leave.');
  if (actor.partnerId !== notice.partnerId) {
    throw new DomainError('FORBIDDEN', 'Only a representative of the leaving partner can withdraw its notice.', {
      requiredRole: 'REPRESENTATIVE of the partner',
    });
  }
  if (notice.status !== 'OPEN')
    throw new DomainError('VALIDATION_FAILED', `The notice is already ${notice.status.toLowerCase()}.`);
  if (groupDateOf(now) >= notice.effectiveOn)
    throw new DomainError('VALIDATION_FAILED', 'The notice has taken effect; it can no longer be withdrawn.');
  return [{ type: 'NoticeWithdrawn', data: { noticeId, withdrawnOn: groupDateOf(now) } }];
}

/**
 * On or after a notice's effective date the partner leaves. Deciding nothing for notices already
 * applied is what makes the effect happen exactly once, however often the scheduler asks.
 */
export function applyDueNotices(command: ApplyDueNotices, group: ActiveGroup): RegionalGroupEvent[] {
  const today = groupDateOf(command.data.now);
  const events: RegionalGroupEvent[] = [];
  let state = group;
  for (const notice of Object.values(group.notices)) {
    if (notice.status !== 'OPEN' || notice.effectiveOn > today) continue;
    const left = departure(state, notice.noticeId, notice.partnerId, notice.effectiveOn);
    events.push(left);
    state = evolveGroup(state, left) as ActiveGroup;
  }
  return events;
}
