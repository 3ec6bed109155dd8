import { IsoDate } from '../shared/dates';
import { Message } from '../shared/decider';
import { AGENCY_TYPE_CODES, AgencyType, platformAgencyTypesOn } from './agency-types';
import { CoverageGap, TermsOfReferenceData } from './regional-group.events';

/**
 * R2, R17, L1: who the law requires is data with dates. PARTNERS: every area must be covered by a
 * core partner of the type (R3). PARTICIPANTS: every area's arrangement must include an agency of
 * the type among its partners or relevant agencies (the 2026 Act's education and childcare duty).
 */
export const REQUIREMENT_SCOPES = ['PARTNERS', 'PARTICIPANTS'] as const;
export type RequirementScope = (typeof REQUIREMENT_SCOPES)[number];

export type AgencyTypeRequirement = Readonly<{ code: string; inForceFrom: IsoDate; scope: RequirementScope }>;
export type DefinedAgencyType = Readonly<{ code: string; name: string }>;

/** A kind of organisation the group recognises beyond the platform's own list (a new statutory body). */
export type AgencyTypeDefined = Message<'AgencyTypeDefined', { code: string; name: string; definedOn: IsoDate }>;
/**
 * A type required from `inForceFrom`, which may be a future commencement. `gapsAccepted`: the coverage
 * gaps the requirement makes on that day, reported when it is recorded (R3); the law gives no choice.
 */
export type AgencyTypeRequired = Message<
  'AgencyTypeRequired',
  AgencyTypeRequirement & { gapsAccepted: readonly CoverageGap[] }
>;
export type LawEvent = AgencyTypeDefined | AgencyTypeRequired;

/** The codes of the platform's own types and those the group defined. */
export function knownAgencyTypeCodes(defined: readonly DefinedAgencyType[]): string[] {
  return [...AGENCY_TYPE_CODES, ...defined.map((type) => type.code)];
}

/**
 * The one rule of which agency types are required of `scope` on `date`: for partners, the types the
 * terms of reference in force list plus every partner requirement in force by then; for participants,
 * every participant requirement in force by then.
 */
export function requiredTypesOn(
  terms: Pick<TermsOfReferenceData, 'statutoryTypesPerArea'>,
  requirements: readonly AgencyTypeRequirement[],
  scope: RequirementScope,
  date: IsoDate,
): string[] {
  const base = scope === 'PARTNERS' ? terms.statutoryTypesPerArea : [];
  const inForce = requirements.filter((r) => r.scope === scope && r.inForceFrom <= date).map((r) => r.code);
  return [...new Set([...base, ...inForce])];
}

/**
 * R2: the agency types a group knows (the platform's and those it defined), each statutory on
 * `date` when partners of that type are required then (the terms' list and partner requirements
 * in force), not by the platform's fixed flag.
 */
export function agencyTypesOn(
  terms: Pick<TermsOfReferenceData, 'statutoryTypesPerArea'>,
  defined: readonly DefinedAgencyType[],
  requirements: readonly AgencyTypeRequirement[],
  date: IsoDate,
): AgencyType[] {
  const statutory = requiredTypesOn(terms, requirements, 'PARTNERS', date);
  return [...platformAgencyTypesOn(date), ...defined].map(({ code, name }) => ({
    code,
    name,
    statutory: statutory.includes(code),
  }));
}
