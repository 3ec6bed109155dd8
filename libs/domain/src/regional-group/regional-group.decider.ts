import { dateOrToday, groupDateOf, requireNotFuture } from '../shared/dates';
import { Decider } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { normaliseName } from '../shared/text';
import {
  adoptTermsOfReference,
  agreeFundingContribution,
  changeFundingContribution,
  recordTermsOfReferenceReview,
} from './governance.decide';
import {
  admitCorePartner,
  appointChair,
  appointDeputyChair,
  appointRepresentative,
  changePartnerCoverage,
  endRepresentativeAppointment,
  recordSuccession,
  rotateChair,
} from './membership.decide';
import { recordDissolutionAgreement } from './dissolution.decide';
import { correctAppointmentDates, correctFundingContribution } from './corrections.decide';
import { defineAgencyType, requireAgencyType } from './law.decide';
import { recordPartnershipChair, setDelegateMinimumSeniority } from './delegation.decide';
import { addArea } from './add-area.decide';
import { nameSafeguardingPartners } from './safeguarding-partners.decide';
import { appointGroupScrutineer } from './group-scrutiny';
import { applyDueNotices, giveNoticeToLeave, withdrawNotice } from './notice.decide';
import { EstablishRegionalGroup, RegionalGroupCommand } from './regional-group.commands';
import { RegionalGroupEvent } from './regional-group.events';
import { ActiveGroup, evolveGroup, RegionalGroupState } from './regional-group.state';

export const regionalGroupStream = (groupId: string): string => `regional-group-${groupId}`;

export const regionalGroupDecider: Decider<RegionalGroupCommand, RegionalGroupEvent, RegionalGroupState> = {
  initialState: { status: 'none' },
  evolve: evolveGroup,
  decide(command, state) {
    if (command.type === 'EstablishRegionalGroup') return establish(command, state);
    if (state.status !== 'active') {
      throw new DomainError('NOT_FOUND', 'There is no such regional group.');
    }
    return decideForGroup(command, state);
  },
};

function decideForGroup(
  command: Exclude<RegionalGroupCommand, EstablishRegionalGroup>,
  group: ActiveGroup,
): RegionalGroupEvent[] {
  // Once dissolved nobody is left to leave: the scheduler's question has nothing to answer.
  if (group.dissolvedAt !== null && command.type === 'ApplyDueNotices') return [];
  if (group.dissolvedAt !== null) {
    throw new DomainError(
      'GROUP_DISSOLVED',
      `${group.name} was dissolved on ${groupDateOf(group.dissolvedAt)}; it takes no further business.`,
    );
  }
  switch (command.type) {
    case 'AddArea':
      return addArea(command, group);
    case 'AdmitCorePartner':
      return admitCorePartner(command, group);
    case 'ChangePartnerCoverage':
      return changePartnerCoverage(command, group);
    case 'RecordSuccession':
      return recordSuccession(command, group);
    case 'AppointRepresentative':
      return appointRepresentative(command, group);
    case 'EndRepresentativeAppointment':
      return endRepresentativeAppointment(command, group);
    case 'AppointChair':
      return appointChair(command, group);
    case 'AppointDeputyChair':
      return appointDeputyChair(command, group);
    case 'RotateChair':
      return rotateChair(command, group);
    case 'AdoptTermsOfReference':
      return adoptTermsOfReference(command, group);
    case 'RecordTermsOfReferenceReview':
      return recordTermsOfReferenceReview(command, group);
    case 'AgreeFundingContribution':
      return agreeFundingContribution(command, group);
    case 'ChangeFundingContribution':
      return changeFundingContribution(command, group);
    case 'CorrectAppointmentDates':
      return correctAppointmentDates(command, group);
    case 'CorrectFundingContribution':
      return correctFundingContribution(command, group);
    case 'RecordDissolutionAgreement':
      return recordDissolutionAgreement(command, group);
    case 'GiveNoticeToLeave':
      return giveNoticeToLeave(command, group);
    case 'WithdrawNotice':
      return withdrawNotice(command, group);
    case 'ApplyDueNotices':
      return applyDueNotices(command, group);
    case 'DefineAgencyType':
      return defineAgencyType(command, group);
    case 'RequireAgencyType':
      return requireAgencyType(command, group);
    case 'SetDelegateMinimumSeniority':
      return setDelegateMinimumSeniority(command, group);
    case 'RecordPartnershipChair':
      return recordPartnershipChair(command, group);
    case 'NameSafeguardingPartners':
      return nameSafeguardingPartners(command, group);
    case 'AppointGroupScrutineer':
      return appointGroupScrutineer(command, group);
  }
}

function establish(command: EstablishRegionalGroup, state: RegionalGroupState): RegionalGroupEvent[] {
  const { actor, groupId, now } = command.data;
  if (!actor.roles.includes('ADMINISTRATOR')) {
    throw new DomainError('FORBIDDEN', 'Only an administrator can establish a regional group.', {
      requiredRole: 'ADMINISTRATOR',
    });
  }
  if (state.status !== 'none') {
    throw new DomainError('ALREADY_EXISTS', `The regional group ${groupId} already exists.`);
  }
  const name = normaliseName(command.data.name);
  if (name.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'A regional group needs a name.');
  }
  if (command.data.areas.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'A regional group covers at least one local area.');
  }
  const areas = command.data.areas.map((area) => ({ areaId: area.areaId, name: normaliseName(area.name) }));
  const seen = new Set<string>();
  for (const area of areas) {
    if (area.name.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'Every local area needs a name.');
    }
    const key = area.name.toLocaleLowerCase('en-GB');
    if (seen.has(key)) {
      throw new DomainError('VALIDATION_FAILED', `Each local area is named once, but "${area.name}" appears twice.`);
    }
    seen.add(key);
  }
  const establishedOn = dateOrToday(command.data.establishedOn, now);
  requireNotFuture(establishedOn, now, 'The date the group was established');
  return [{ type: 'RegionalGroupEstablished', data: { groupId, name, areas, establishedAt: now, establishedOn } }];
}
