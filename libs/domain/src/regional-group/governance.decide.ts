import { DomainError } from '../shared/domain-error';
import { normaliseName } from '../shared/text';
import { knownAgencyTypeCodes } from './law';
import { financialYearProblem, isFinancialYear } from './financial-year';
import {
  addMonthsToDate,
  dateOrToday,
  IsoDate,
  isAfterToday,
  requireDate,
  requireNotBefore,
  requireNotFuture,
} from '../shared/dates';
import { REVIEW_INTERVAL_MONTHS } from './terms';
import { checkCoverage, currentPartner } from './membership.decide';
import { partnerRepresentedBy, requireAdministratorOrChair } from './permissions';
import {
  AdoptTermsOfReference,
  AgreeFundingContribution,
  ChangeFundingContribution,
  RecordTermsOfReferenceReview,
} from './regional-group.commands';
import { RegionalGroupEvent } from './regional-group.events';
import { ActiveGroup } from './regional-group.state';

export function adoptTermsOfReference(command: AdoptTermsOfReference, group: ActiveGroup): RegionalGroupEvent[] {
  const { actor, acceptCoverageGap, now, ...terms } = command.data;
  requireAdministratorOrChair(group, actor, 'adopt terms of reference');
  const version = normaliseName(terms.version);
  if (version.length === 0) throw new DomainError('VALIDATION_FAILED', 'The terms of reference need a version label.');
  if (group.terms.some((adopted) => adopted.version === version)) {
    throw new DomainError('ALREADY_EXISTS', `Version ${version} of the terms of reference is already adopted.`);
  }
  requireDate(terms.adoptedOn, 'The adoption date');
  requireNotBefore(terms.adoptedOn, group.establishedOn, 'The adoption date', `${group.name} was established`);
  // Adopted terms are in force from their date: a future date would make today's rules disagree with the record.
  if (isAfterToday(terms.adoptedOn, now))
    throw new DomainError('VALIDATION_FAILED', 'Terms of reference are recorded once adopted, not before.');
  const latest = group.terms[group.terms.length - 1];
  if (latest && terms.adoptedOn < latest.adoptedOn) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `Version ${version} cannot be adopted before the version in force (${latest.version}, adopted ${latest.adoptedOn}).`,
    );
  }
  if (terms.firstReviewBy !== null) {
    requireDate(terms.firstReviewBy, 'The first review date');
    const yearOn = addMonthsToDate(terms.adoptedOn, REVIEW_INTERVAL_MONTHS);
    if (terms.firstReviewBy <= terms.adoptedOn || terms.firstReviewBy > yearOn)
      throw new DomainError(
        'VALIDATION_FAILED',
        `The first review date (${terms.firstReviewBy}) must be after the adoption date and no later than ${yearOn}: terms are reviewed at least every 12 months.`,
      );
  }
  requireWhole(terms.quorumPercentage, 1, 100, 'The quorum percentage');
  requireWhole(terms.meetingCadenceMonths, 1, 24, 'The meeting cadence in months');
  requireWhole(terms.noticePeriodMonths, 0, 60, 'The notice period in months');
  const types = [...new Set(terms.statutoryTypesPerArea)];
  if (types.length === 0) throw new DomainError('VALIDATION_FAILED', 'Name at least one agency type every area needs.');
  const known = knownAgencyTypeCodes(group.definedAgencyTypes);
  const unknown = types.filter((code) => !known.includes(code));
  if (unknown.length > 0) throw new DomainError('VALIDATION_FAILED', `Unknown agency types: ${unknown.join(', ')}.`);

  const event = {
    type: 'TermsOfReferenceAdopted' as const,
    data: {
      ...terms,
      version,
      summary: normaliseName(terms.summary),
      statutoryTypesPerArea: types,
      gapsAccepted: [] as ReturnType<typeof checkCoverage>,
    },
  };
  const gaps = checkCoverage(group, [event], acceptCoverageGap, terms.adoptedOn);
  return [{ ...event, data: { ...event.data, gapsAccepted: gaps } }];
}

function requireWhole(value: number, min: number, max: number, label: string): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new DomainError('VALIDATION_FAILED', `${label} must be a whole number from ${min} to ${max}.`);
  }
}

export function recordTermsOfReferenceReview(
  command: RecordTermsOfReferenceReview,
  group: ActiveGroup,
): RegionalGroupEvent[] {
  const { actor, reviewedOn, now } = command.data;
  requireAdministratorOrChair(group, actor, 'record a review of the terms of reference');
  if (group.terms.length === 0)
    throw new DomainError('VALIDATION_FAILED', 'The group has not adopted terms of reference to review.');
  requireNotFuture(reviewedOn, now, 'The review date');
  const inForce = group.terms[group.terms.length - 1];
  requireNotBefore(
    reviewedOn,
    inForce.adoptedOn,
    'The review date',
    `the terms it reviews were adopted (version ${inForce.version})`,
  );
  return [{ type: 'TermsOfReferenceReviewed', data: { reviewedOn, notes: normaliseName(command.data.notes) } }];
}

/** The day the contribution was agreed or changed: not in the future, not before the partner was admitted. */
function requireContribution(group: ActiveGroup, data: AgreeFundingContribution['data']): IsoDate {
  const partner = currentPartner(group, data.partnerId);
  const on = dateOrToday(data.on, data.now);
  requireNotFuture(on, data.now, 'The date of the contribution');
  requireNotBefore(on, partner.admittedOn, 'The date of the contribution', `${partner.name} was admitted`);
  if (!isFinancialYear(data.financialYear)) {
    throw new DomainError('VALIDATION_FAILED', financialYearProblem(`"${data.financialYear}"`));
  }
  if (!Number.isSafeInteger(data.amountPence) || data.amountPence < 0) {
    throw new DomainError('VALIDATION_FAILED', 'A contribution is a whole, non-negative number of pence.');
  }
  return on;
}

/** R15: a contribution the group records is agreed; it also settles a unilateral change. */
export function agreeFundingContribution(command: AgreeFundingContribution, group: ActiveGroup): RegionalGroupEvent[] {
  requireAdministratorOrChair(group, command.data.actor, 'record an agreed funding contribution');
  const agreedOn = requireContribution(group, command.data);
  const { partnerId, financialYear, amountPence, inKind } = command.data;
  return [
    {
      type: 'FundingContributionAgreed',
      data: { partnerId, financialYear, amountPence, inKind: normaliseName(inKind ?? '') || null, agreedOn },
    },
  ];
}

/** R15: a partner changing its own contribution; flagged unilateral until the group agrees it. */
export function changeFundingContribution(
  command: ChangeFundingContribution,
  group: ActiveGroup,
): RegionalGroupEvent[] {
  const { actor, now, partnerId, financialYear, amountPence, inKind } = command.data;
  if (partnerRepresentedBy(group, actor, now) !== partnerId) {
    throw new DomainError(
      'FORBIDDEN',
      'Only a current representative of a partner can change that partner’s contribution.',
      {
        requiredRole: 'REPRESENTATIVE of the partner',
      },
    );
  }
  const changedOn = requireContribution(group, command.data);
  return [
    {
      type: 'FundingContributionChanged',
      data: { partnerId, financialYear, amountPence, inKind: normaliseName(inKind ?? '') || null, changedOn },
    },
  ];
}
