import { DomainError } from '../shared/domain-error';
import { currentPartner } from './membership.decide';
import { RecordDissolutionAgreement } from './regional-group.commands';
import { RegionalGroupEvent } from './regional-group.events';
import { ActiveGroup, currentPartners } from './regional-group.state';

/**
 * R14: each current core partner agrees, through its own representative present at a quorate
 * meeting of this group (R41); when the last one agrees the group is dissolved in the same change.
 */
export function recordDissolutionAgreement(
  command: RecordDissolutionAgreement,
  group: ActiveGroup,
): RegionalGroupEvent[] {
  const { actor, now, partnerId, meeting } = command.data;
  const partner = currentPartner(group, partnerId);
  if (actor.partnerId !== partnerId) {
    throw new DomainError(
      'FORBIDDEN',
      `Only a representative of ${partner.name} can record its agreement to dissolve.`,
      {
        requiredRole: 'REPRESENTATIVE of the partner',
      },
    );
  }
  if (meeting.groupId !== group.groupId)
    throw new DomainError('VALIDATION_FAILED', 'That meeting is not a meeting of this group.');
  if (!meeting.open) throw new DomainError('MEETING_NOT_OPEN', 'Agreement to dissolve is recorded at an open meeting.');
  if (!meeting.quorate)
    throw new DomainError('QUORUM_NOT_MET', 'Agreement to dissolve is recorded at a quorate meeting.');
  if (!meeting.presentPartnerIds.includes(partnerId)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `No representative of ${partner.name} is present in person at the meeting.`,
    );
  }
  if (!meeting.presentPersonIds.includes(actor.personId)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      'Agreement is given by a representative present in person at the meeting.',
    );
  }
  if (group.dissolutionAgreements.includes(partnerId))
    throw new DomainError('ALREADY_EXISTS', `${partner.name} has already agreed.`);
  const events: RegionalGroupEvent[] = [
    { type: 'DissolutionAgreed', data: { partnerId, meetingId: meeting.meetingId } },
  ];
  const agreed = new Set([...group.dissolutionAgreements, partnerId]);
  if (currentPartners(group).every((p) => agreed.has(p.partnerId))) {
    events.push({ type: 'RegionalGroupDissolved', data: { dissolvedAt: now, meetingId: meeting.meetingId } });
  }
  return events;
}
