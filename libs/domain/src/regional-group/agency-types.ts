import { IsoDate } from '../shared/dates';

/**
 * The kinds of organisation a core partner can be. Which kinds every area must have is not
 * fixed here: each group's terms of reference list them, because the law changes (education is
 * expected to become a statutory partner).
 */
export interface AgencyType {
  readonly code: string;
  /** As the law named the kind of organisation on the day seen. */
  readonly name: string;
  /** Statutory safeguarding partner under the Children Act 2004 s16E as it stands. */
  readonly statutory: boolean;
}

/**
 * The Health and Care Act 2022 abolished clinical commissioning groups and made integrated care
 * boards the health partner on this day (R16): the health type's name changes with it.
 */
export const INTEGRATED_CARE_BOARDS_FROM: IsoDate = '2022-07-01';

/** A name of a type from a day on; the first has no day, as it is the name the type has always had. */
type DatedName = Readonly<{ from: IsoDate | null; name: string }>;

const PLATFORM_TYPES: readonly (Omit<AgencyType, 'name'> & { readonly names: readonly DatedName[] })[] = [
  { code: 'LOCAL_AUTHORITY', names: [{ from: null, name: 'Local authority' }], statutory: true },
  {
    code: 'HEALTH',
    names: [
      { from: null, name: 'Health (clinical commissioning group)' },
      { from: INTEGRATED_CARE_BOARDS_FROM, name: 'Health (integrated care board)' },
    ],
    statutory: true,
  },
  { code: 'POLICE', names: [{ from: null, name: 'Police' }], statutory: true },
  { code: 'EDUCATION', names: [{ from: null, name: 'Education and childcare' }], statutory: false },
  { code: 'PROBATION', names: [{ from: null, name: 'Probation service' }], statutory: false },
  { code: 'OTHER', names: [{ from: null, name: 'Other relevant agency' }], statutory: false },
];

/** The name in force on `date`: the last whose day has come. */
function nameOn(names: readonly DatedName[], date: IsoDate): string {
  return names.filter(({ from }) => from === null || from <= date).at(-1)?.name ?? names[0].name;
}

export const AGENCY_TYPE_CODES: readonly string[] = PLATFORM_TYPES.map((type) => type.code);

/** The platform's own agency types, each named as on `date`. */
export function platformAgencyTypesOn(date: IsoDate): AgencyType[] {
  return PLATFORM_TYPES.map(({ code, names, statutory }) => ({ code, name: nameOn(names, date), statutory }));
}

/** One of the platform's own agency types, named as on `date`; undefined for a code it does not have. */
export function agencyTypeOn(code: string, date: IsoDate): AgencyType | undefined {
  return platformAgencyTypesOn(date).find((type) => type.code === code);
}

export const STATUTORY_AGENCY_TYPES = PLATFORM_TYPES.filter((type) => type.statutory).map((type) => type.code);
