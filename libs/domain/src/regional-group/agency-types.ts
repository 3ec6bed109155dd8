/**
 * The kinds of organisation a core partner can be. Which kinds every area must have is not
 * fixed here: each group's terms of reference list them, because the law changes (education is
 * expected to become a statutory partner).
 */
export interface AgencyType {
  readonly code: string;
  readonly name: string;
  /** Statutory safeguarding partner under the Children Act 2004 s16E as it stands. */
  readonly statutory: boolean;
}

export const AGENCY_TYPES: readonly AgencyType[] = [
  { code: 'LOCAL_AUTHORITY', name: 'Local authority', statutory: true },
  {
    code: 'HEALTH',
    name: 'Health (integrated care board; before July 2022 clinical commissioning group)',
    statutory: true,
  },
  { code: 'POLICE', name: 'Police', statutory: true },
  { code: 'EDUCATION', name: 'Education and childcare', statutory: false },
  { code: 'PROBATION', name: 'Probation service', statutory: false },
  { code: 'OTHER', name: 'Other relevant agency', statutory: false },
];

export function agencyType(code: string): AgencyType | undefined {
  return AGENCY_TYPES.find((type) => type.code === code);
}

export const STATUTORY_AGENCY_TYPES = AGENCY_TYPES.filter((type) => type.statutory).map((type) => type.code);
