import { dateOrToday, IsoDate, requireDate, requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { normaliseName, requireName } from '../shared/text';
import { knownAgencyTypeCodes } from './law';
import { describeGaps, gapsCreated } from './coverage';
import { requireAdministratorOrChair } from './permissions';
import {
  AdmitCorePartner,
  AppointChair,
  AppointDeputyChair,
  AppointRepresentative,
  ChangePartnerCoverage,
  EndRepresentativeAppointment,
  RecordSuccession,
  REPRESENTATIVE_ROLES,
  RotateChair,
  SENIORITIES,
} from './regional-group.commands';
import { CoverageGap, RegionalGroupEvent } from './regional-group.events';
import {
  ActiveGroup,
  Appointment,
  appointmentsOf,
  currentAppointments,
  evolveGroup,
  Partner,
  Post,
  postHolderOn,
} from './regional-group.state';

export function currentPartner(group: ActiveGroup, partnerId: string): Partner {
  const partner = group.partners[partnerId];
  if (!partner) throw new DomainError('NOT_FOUND', `${group.name} has no core partner ${partnerId}.`);
  if (partner.leftOn !== null)
    throw new DomainError('VALIDATION_FAILED', `${partner.name} left the group on ${partner.leftOn}.`);
  if (partner.succeededBy !== null) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${partner.name} has been succeeded by ${group.partners[partner.succeededBy]?.name ?? 'another organisation'}.`,
    );
  }
  return partner;
}

function requireUniqueName(group: ActiveGroup, name: string): void {
  const sameName = Object.values(group.partners).find(
    (p) => p.succeededBy === null && p.name.toLowerCase() === name.toLowerCase(),
  );
  if (sameName) throw new DomainError('ALREADY_EXISTS', `${name} is already a core partner of ${group.name}.`);
}

function requireAreas(group: ActiveGroup, areaIds: readonly string[]): readonly string[] {
  if (areaIds.length === 0) throw new DomainError('VALIDATION_FAILED', 'A core partner covers at least one area.');
  const unknown = areaIds.filter((id) => !group.areas.some((area) => area.areaId === id));
  if (unknown.length > 0) throw new DomainError('NOT_FOUND', `${group.name} has no area ${unknown.join(', ')}.`);
  return [...new Set(areaIds)];
}

/**
 * R3: applies the events to see what they would do to coverage on the day they take effect. New
 * gaps refuse the change unless the sender accepted them; either way they are what the change reports.
 */
export function checkCoverage(
  group: ActiveGroup,
  events: RegionalGroupEvent[],
  accept: boolean,
  on: IsoDate,
): CoverageGap[] {
  const after = events.reduce(evolveGroup, group as ReturnType<typeof evolveGroup>);
  if (after.status !== 'active') return [];
  const gaps = gapsCreated(group, after, on);
  if (gaps.length > 0 && !accept) {
    throw new DomainError(
      'COVERAGE_GAP',
      `This change would leave an area without a statutory partner: ${describeGaps(gaps)}. Send acceptCoverageGap: true to record it anyway.`,
      { gaps },
    );
  }
  return gaps;
}

export function admitCorePartner(command: AdmitCorePartner, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, partnerId, admittedOn } = command.data;
  requireAdministratorOrChair(group, actor, 'admit a core partner');
  if (group.partners[partnerId])
    throw new DomainError('ALREADY_EXISTS', `Core partner ${partnerId} is already recorded.`);
  const name = requireName(command.data.name, "The organisation's name");
  if (!knownAgencyTypeCodes(group.definedAgencyTypes).includes(command.data.agencyType)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `"${command.data.agencyType}" is not an agency type this platform knows.`,
    );
  }
  requireDate(admittedOn, 'The admission date');
  requireNotBefore(admittedOn, group.establishedOn, 'The admission date', `${group.name} was established`);
  requireUniqueName(group, name);
  return [
    {
      type: 'CorePartnerAdmitted',
      data: {
        partnerId,
        name,
        agencyType: command.data.agencyType,
        areaIds: requireAreas(group, command.data.areaIds),
        admittedOn,
      },
    },
  ];
}

export function changePartnerCoverage(command: ChangePartnerCoverage, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, partnerId, acceptCoverageGap, now } = command.data;
  requireAdministratorOrChair(group, actor, "change a partner's coverage");
  const partner = currentPartner(group, partnerId);
  const changedOn = dateOrToday(command.data.changedOn, now);
  requireNotFuture(changedOn, now, 'The date the coverage changes');
  requireNotBefore(changedOn, partner.admittedOn, 'The date the coverage changes', `${partner.name} was admitted`);
  const latest = partner.coverage[partner.coverage.length - 1];
  if (changedOn < latest.from) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${partner.name}'s coverage last changed on ${latest.from}; a change cannot be dated before it.`,
    );
  }
  const areaIds = requireAreas(group, command.data.areaIds);
  const event = {
    type: 'PartnerCoverageChanged' as const,
    data: { partnerId, areaIds, changedOn, gapsAccepted: [] as CoverageGap[] },
  };
  const gaps = checkCoverage(group, [event], acceptCoverageGap, changedOn);
  return [{ ...event, data: { ...event.data, gapsAccepted: gaps } }];
}

export function recordSuccession(command: RecordSuccession, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, predecessorId, successorId, effectiveOn, acceptCoverageGap } = command.data;
  requireAdministratorOrChair(group, actor, 'record a succession');
  const predecessor = currentPartner(group, predecessorId);
  requireDate(effectiveOn, 'The date the succession takes effect');
  requireNotBefore(
    effectiveOn,
    predecessor.admittedOn,
    'The date the succession takes effect',
    `${predecessor.name} was admitted`,
  );
  if (predecessorId === successorId)
    throw new DomainError('VALIDATION_FAILED', 'An organisation cannot succeed itself.');
  const existing = group.partners[successorId];
  if (existing) {
    currentPartner(group, successorId);
    if (existing.agencyType !== predecessor.agencyType) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `${existing.name} is not of the same agency type as ${predecessor.name}.`,
      );
    }
  }
  const successorName = existing ? existing.name : requireName(command.data.successorName, "The successor's name");
  if (!existing) requireUniqueName(group, successorName);
  const event = {
    type: 'PartnerSucceeded' as const,
    data: {
      predecessorId,
      successorId,
      successorName,
      agencyType: predecessor.agencyType,
      effectiveOn,
      areaIds: [...new Set([...(existing?.areaIds ?? []), ...predecessor.areaIds])],
      transferredAppointmentIds: group.appointments
        .filter((a) => a.partnerId === predecessorId && (a.endDate === null || a.endDate > effectiveOn))
        .map((a) => a.appointmentId),
      // Contributions for financial years that end after the succession are obligations still open.
      transferredFundingYears: group.funding
        .filter((c) => c.partnerId === predecessorId && financialYearEnd(c.financialYear) > effectiveOn)
        .map((c) => c.financialYear),
      gapsAccepted: [] as CoverageGap[],
    },
  };
  const gaps = checkCoverage(group, [event], acceptCoverageGap, effectiveOn);
  return [{ ...event, data: { ...event.data, gapsAccepted: gaps } }];
}

/** `2020/21` ends on 31 March 2021. */
export function financialYearEnd(financialYear: string): string {
  return `${Number(financialYear.slice(0, 4)) + 1}-03-31`;
}

export function appointRepresentative(command: AppointRepresentative, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, appointmentId, personId, personName, partnerId, startDate } = command.data;
  requireAdministratorOrChair(group, actor, 'appoint a representative');
  if (personName === null) throw new DomainError('NOT_FOUND', `The platform knows nobody with person id ${personId}.`);
  const partner = currentPartner(group, partnerId);
  requireDate(startDate, 'The start date');
  requireNotBefore(startDate, partner.admittedOn, 'The start date', `${partner.name} was admitted`);
  if (!(REPRESENTATIVE_ROLES as readonly string[]).includes(command.data.role)) {
    throw new DomainError('VALIDATION_FAILED', `The role must be one of ${REPRESENTATIVE_ROLES.join(', ')}.`);
  }
  if (!(SENIORITIES as readonly string[]).includes(command.data.seniority)) {
    throw new DomainError('VALIDATION_FAILED', `The seniority must be one of ${SENIORITIES.join(', ')}.`);
  }
  if (group.appointments.has(appointmentId))
    throw new DomainError('ALREADY_EXISTS', `Appointment ${appointmentId} is already recorded.`);
  const overlapping = appointmentsOf(group, personId).find((a) => a.endDate === null || a.endDate > startDate);
  if (overlapping) {
    const other = group.partners[overlapping.partnerId]?.name ?? overlapping.partnerId;
    throw new DomainError(
      'ALREADY_REPRESENTING',
      `${personName} already represents ${other}; a person represents one partner at a time. End that appointment first.`,
    );
  }
  return [
    {
      type: 'RepresentativeAppointed',
      data: {
        appointmentId,
        personId,
        partnerId: partner.partnerId,
        name: normaliseName(personName),
        title: requireName(command.data.title, 'The title'),
        role: command.data.role,
        seniority: command.data.seniority,
        startDate,
      },
    },
  ];
}

function appointment(group: ActiveGroup, appointmentId: string): Appointment {
  const found = group.appointments.get(appointmentId);
  if (!found) throw new DomainError('NOT_FOUND', `${group.name} has no representative appointment ${appointmentId}.`);
  return found;
}

export function endRepresentativeAppointment(
  command: EndRepresentativeAppointment,
  group: ActiveGroup,
): RegionalGroupEvent[] {
  const { actor, appointmentId, endDate } = command.data;
  requireAdministratorOrChair(group, actor, "end a representative's appointment");
  const ending = appointment(group, appointmentId);
  requireDate(endDate, 'The end date');
  if (ending.endDate !== null)
    throw new DomainError('VALIDATION_FAILED', `${ending.name}'s appointment already ended on ${ending.endDate}.`);
  if (endDate <= ending.startDate) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The end date must come after the start date (${ending.startDate}): dates cannot run backwards.`,
    );
  }
  const heldSince = group.posts.find((term) => term.appointmentId === appointmentId && term.to === null)?.from;
  if (heldSince !== undefined && endDate < heldSince) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${ending.name} has held a post of the group since ${heldSince}; the appointment cannot end before then.`,
    );
  }
  const events: RegionalGroupEvent[] = [
    {
      type: 'RepresentativeAppointmentEnded',
      data: { appointmentId, endDate, reason: requireName(command.data.reason, 'The reason') },
    },
  ];
  if (group.chair === appointmentId)
    events.push({ type: 'ChairPostVacated', data: { post: 'CHAIR', appointmentId, on: endDate } });
  if (group.deputyChair === appointmentId)
    events.push({ type: 'ChairPostVacated', data: { post: 'DEPUTY_CHAIR', appointmentId, on: endDate } });
  return events;
}

/**
 * The appointment that takes up a post on `from`: a representative then, and the post not
 * dated before its current holder took it up (dates do not run backwards).
 */
function representativeTakingUp(group: ActiveGroup, appointmentId: string, post: Post, from: IsoDate): Appointment {
  const found = appointment(group, appointmentId);
  requireNotBefore(from, found.startDate, 'The date the post is taken up', `${found.name}'s appointment began`);
  const current = currentAppointments(group, from).find((a) => a.appointmentId === appointmentId);
  if (!current) throw new DomainError('VALIDATION_FAILED', `${found.name} is not a representative on ${from}.`);
  const open = group.posts.find((term) => term.post === post && term.to === null);
  if (open && from < open.from) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `The post has been held since ${open.from}; a new holder cannot take it up before then.`,
    );
  }
  return current;
}

/** The holder of the other post on `from`, to check R5 against. */
function otherPostHolder(group: ActiveGroup, post: Post, from: IsoDate): Appointment | null {
  const holder = postHolderOn(group.posts, post, from);
  return holder ? (group.appointments.get(holder) ?? null) : null;
}

/** R5: chair and deputy represent partners of different agency types. */
function requireDifferentTypes(group: ActiveGroup, chair: Appointment, deputy: Appointment): void {
  if (chair.appointmentId === deputy.appointmentId) {
    throw new DomainError('VALIDATION_FAILED', `${chair.name} cannot be both chair and deputy chair.`);
  }
  const chairType = group.partners[chair.partnerId].agencyType;
  if (chairType === group.partners[deputy.partnerId].agencyType) {
    throw new DomainError(
      'SAME_AGENCY_TYPE',
      `The chair (${chair.name}) and deputy chair (${deputy.name}) would both represent ${chairType.toLowerCase().replace(/_/g, ' ')} partners; they must come from different agency types.`,
    );
  }
}

export function appointChair(command: AppointChair, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, appointmentId, now } = command.data;
  requireAdministratorOrChair(group, actor, 'appoint the chair');
  const from = dateOrToday(command.data.from, now);
  requireNotFuture(from, now, 'The date the chair takes up the post');
  const chair = representativeTakingUp(group, appointmentId, 'CHAIR', from);
  const deputy = otherPostHolder(group, 'DEPUTY_CHAIR', from);
  if (deputy) requireDifferentTypes(group, chair, deputy);
  return [{ type: 'ChairAppointed', data: { appointmentId, from } }];
}

export function appointDeputyChair(command: AppointDeputyChair, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, appointmentId, now } = command.data;
  requireAdministratorOrChair(group, actor, 'appoint the deputy chair');
  const from = dateOrToday(command.data.from, now);
  requireNotFuture(from, now, 'The date the deputy chair takes up the post');
  const deputy = representativeTakingUp(group, appointmentId, 'DEPUTY_CHAIR', from);
  const chair = otherPostHolder(group, 'CHAIR', from);
  if (chair) requireDifferentTypes(group, chair, deputy);
  return [{ type: 'DeputyChairAppointed', data: { appointmentId, from } }];
}

/** R5: the deputy becomes chair, and a new deputy of another agency type is named at once. */
export function rotateChair(command: RotateChair, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, newDeputyAppointmentId, now } = command.data;
  requireAdministratorOrChair(group, actor, 'rotate the chair');
  if (!group.deputyChair) throw new DomainError('VALIDATION_FAILED', 'There is no deputy chair to become chair.');
  const on = dateOrToday(command.data.on, now);
  requireNotFuture(on, now, 'The date of the rotation');
  const newChair = representativeTakingUp(group, group.deputyChair, 'CHAIR', on);
  const newDeputy = representativeTakingUp(group, newDeputyAppointmentId, 'DEPUTY_CHAIR', on);
  requireDifferentTypes(group, newChair, newDeputy);
  return [
    {
      type: 'ChairRotated',
      data: { chairAppointmentId: newChair.appointmentId, deputyAppointmentId: newDeputy.appointmentId, on },
    },
  ];
}
