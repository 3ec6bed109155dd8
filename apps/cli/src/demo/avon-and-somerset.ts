/**
 * The Avon and Somerset Strategic Safeguarding Partnership as its terms of reference describe it
 * (seeds/003, Appendix 2): 9 core partners delivering arrangements in 5 areas, 10 named
 * representatives (the police has two), quorum 66%, 12 months' notice. E-mail addresses are
 * made up for the demo; so are the money figures of the contributions, which the seeds do not give.
 */
export const AREAS = [
  'Bath and North East Somerset',
  'Bristol',
  'North Somerset',
  'Somerset',
  'South Gloucestershire',
] as const;
type AreaName = (typeof AREAS)[number];

export interface PartnerSeed {
  readonly key: string;
  readonly name: string;
  readonly agencyType: 'LOCAL_AUTHORITY' | 'HEALTH' | 'POLICE';
  readonly areas: readonly AreaName[];
}

export const PARTNERS: readonly PartnerSeed[] = [
  {
    key: 'south-glos',
    name: 'South Gloucestershire Council',
    agencyType: 'LOCAL_AUTHORITY',
    areas: ['South Gloucestershire'],
  },
  { key: 'bristol', name: 'Bristol City Council', agencyType: 'LOCAL_AUTHORITY', areas: ['Bristol'] },
  {
    key: 'bnssg-ccg',
    name: 'NHS BNSSG CCG',
    agencyType: 'HEALTH',
    areas: ['Bristol', 'North Somerset', 'South Gloucestershire'],
  },
  { key: 'somerset', name: 'Somerset County Council', agencyType: 'LOCAL_AUTHORITY', areas: ['Somerset'] },
  { key: 'banes-ccg', name: 'NHS BANES CCG', agencyType: 'HEALTH', areas: ['Bath and North East Somerset'] },
  { key: 'banes', name: 'BaNES Council', agencyType: 'LOCAL_AUTHORITY', areas: ['Bath and North East Somerset'] },
  { key: 'north-somerset', name: 'North Somerset Council', agencyType: 'LOCAL_AUTHORITY', areas: ['North Somerset'] },
  { key: 'somerset-ccg', name: 'NHS Somerset CCG', agencyType: 'HEALTH', areas: ['Somerset'] },
  { key: 'police', name: 'Avon and Somerset Police', agencyType: 'POLICE', areas: [...AREAS] },
];

export interface RepresentativeSeed {
  readonly key: string;
  readonly name: string;
  readonly email: string;
  readonly partner: string;
  readonly title: string;
  readonly role: 'LEAD_SAFEGUARDING_PARTNER' | 'DELEGATED_SAFEGUARDING_PARTNER' | 'MEMBER';
  readonly seniority: 'CHIEF_OFFICER' | 'DIRECTOR' | 'DEPUTY_DIRECTOR' | 'HEAD_OF_SERVICE' | 'OTHER';
}

const DCS = "Director of Children's Services";
const NHS = 'Director with accountability for safeguarding';

export const REPRESENTATIVES: readonly RepresentativeSeed[] = [
  {
    key: 'chris-sivers',
    name: 'Chris Sivers',
    email: 'chris.sivers@asssp.example',
    partner: 'south-glos',
    title: DCS,
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'DIRECTOR',
  },
  {
    key: 'jacqui-jensen',
    name: 'Jacqui Jensen',
    email: 'jacqui.jensen@asssp.example',
    partner: 'bristol',
    title: DCS,
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'DIRECTOR',
  },
  {
    key: 'janet-baptiste-grant',
    name: 'Janet Baptiste-Grant',
    email: 'janet.baptiste-grant@asssp.example',
    partner: 'bnssg-ccg',
    title: NHS,
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'DIRECTOR',
  },
  {
    key: 'julian-wooster',
    name: 'Julian Wooster',
    email: 'julian.wooster@asssp.example',
    partner: 'somerset',
    title: DCS,
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'DIRECTOR',
  },
  {
    key: 'lisa-harvey',
    name: 'Lisa Harvey',
    email: 'lisa.harvey@asssp.example',
    partner: 'banes-ccg',
    title: NHS,
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'DIRECTOR',
  },
  {
    key: 'mike-bowden',
    name: 'Mike Bowden',
    email: 'mike.bowden@asssp.example',
    partner: 'banes',
    title: DCS,
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'DIRECTOR',
  },
  {
    key: 'sheila-smith',
    name: 'Sheila Smith',
    email: 'sheila.smith@asssp.example',
    partner: 'north-somerset',
    title: 'Director, People and Communities',
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'DIRECTOR',
  },
  {
    key: 'sandra-corry',
    name: 'Sandra Corry',
    email: 'sandra.corry@asssp.example',
    partner: 'somerset-ccg',
    title: NHS,
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'DIRECTOR',
  },
  {
    key: 'victoria-capel',
    name: 'Victoria Capel',
    email: 'victoria.capel@asssp.example',
    partner: 'police',
    title: 'Lead for safeguarding',
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'HEAD_OF_SERVICE',
  },
  {
    key: 'will-white',
    name: 'Will White',
    email: 'will.white@asssp.example',
    partner: 'police',
    title: 'Head of Neighbourhood and Partnerships',
    role: 'DELEGATED_SAFEGUARDING_PARTNER',
    seniority: 'HEAD_OF_SERVICE',
  },
];

/** The chair and deputy come from different agency types (R5). */
export const CHAIR = 'sheila-smith';
export const DEPUTY_CHAIR = 'will-white';
/**
 * Who books the group's meetings: the constabulary supports the group with meeting bookings and
 * dates (its terms of reference), and its representative Will White, the deputy chair, may book them.
 */
export const BOOKS_MEETINGS = DEPUTY_CHAIR;

export const GROUP_NAME = 'Avon and Somerset Strategic Safeguarding Partnership';
/** The partners agreed their arrangements in June 2019 (seeds/003): the group, its members and its posts date from then. */
export const ESTABLISHED_ON = '2019-06-01';
export const APPOINTED_ON = ESTABLISHED_ON;
/** The day each year's contributions were agreed, and NHS Somerset CCG's own change to 2021/22. */
export const FUNDING_AGREED_ON: Readonly<Record<string, string>> = { '2020/21': '2020-03-12', '2021/22': '2021-03-11' };
export const UNILATERAL_CHANGE_ON = '2021-09-01';

/** The quarterly meeting of 12 March 2020, entered now with the membership of that day: Lisa Harvey and Mike Bowden absent. */
export const MARCH_2020_MEETING = {
  startsAt: '2020-03-12T10:00:00.000Z',
  // Booked a quarter ahead, on 12 December 2019. A demo assumption: that the constabulary books each quarterly
  // meeting at the one before (the demo holds no meeting that day; it enters none before March 2020).
  bookedOn: '2019-12-12',
  absent: ['lisa-harvey', 'mike-bowden'],
  decision: 'Contributions for 2020/21 agreed as recorded; the Resources workstream to propose 2021/22.',
} as const;

/** On 1 July 2022 integrated care boards took over from the clinical commissioning groups (R16). */
export const SUCCESSIONS = [
  { predecessor: 'bnssg-ccg', successorName: 'NHS Bristol, North Somerset and South Gloucestershire ICB' },
  { predecessor: 'banes-ccg', successorName: 'NHS Bath and North East Somerset, Swindon and Wiltshire ICB' },
  { predecessor: 'somerset-ccg', successorName: 'NHS Somerset ICB' },
] as const;
export const ICB_DAY = '2022-07-01';

/** Illustrative money; the in-kind support is what the terms of reference record. */
export const FUNDING_2020_21: readonly { partner: string; amountPence: number; inKind: string | null }[] = [
  ...PARTNERS.filter((p) => p.agencyType === 'LOCAL_AUTHORITY').map((p) => ({
    partner: p.key,
    amountPence: 1_000_000,
    inKind: null,
  })),
  ...PARTNERS.filter((p) => p.agencyType === 'HEALTH').map((p) => ({
    partner: p.key,
    amountPence: 1_500_000,
    inKind: null,
  })),
  {
    partner: 'police',
    amountPence: 1_500_000,
    inKind: 'Meeting bookings, arranging dates, circulating papers; hosting at Constabulary Headquarters',
  },
];
