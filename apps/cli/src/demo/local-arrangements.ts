import { AREAS, PARTNERS, REPRESENTATIVES } from './avon-and-somerset';
import { DemoContext, LoadedDemo } from './load-demo';

type Area = (typeof AREAS)[number];

/** Each area's own council, to which its scrutineer's recommendation is made. */
const COUNCIL: Record<Area, string> = {
  'Bath and North East Somerset': 'banes',
  Bristol: 'bristol',
  'North Somerset': 'north-somerset',
  Somerset: 'somerset',
  'South Gloucestershire': 'south-glos',
};

/** L1: a school or education body and one other relevant agency in every area. */
const AGENCIES: Record<Area, readonly { name: string; agencyType: string; from: string }[]> = {
  'Bath and North East Somerset': [
    { name: 'Bath College', agencyType: 'EDUCATION', from: '2019-09-01' },
    { name: 'Avon and Wiltshire Probation Delivery Unit', agencyType: 'PROBATION', from: '2019-09-29' },
  ],
  Bristol: [
    { name: 'Bristol Early Years and Childcare Forum', agencyType: 'EDUCATION', from: '2019-09-29' },
    { name: 'Cafcass South West', agencyType: 'OTHER', from: '2019-09-29' },
  ],
  'North Somerset': [
    { name: 'North Somerset Schools Forum', agencyType: 'EDUCATION', from: '2019-09-29' },
    { name: 'North Somerset Voluntary Action', agencyType: 'OTHER', from: '2020-01-06' },
  ],
  Somerset: [
    { name: 'Somerset Education Safeguarding Service', agencyType: 'EDUCATION', from: '2019-09-29' },
    { name: 'Diocese of Bath and Wells', agencyType: 'OTHER', from: '2021-03-01' },
  ],
  'South Gloucestershire': [
    { name: 'South Gloucestershire and Stroud College', agencyType: 'EDUCATION', from: '2019-09-29' },
    { name: 'South Gloucestershire Probation Team', agencyType: 'PROBATION', from: '2019-09-29' },
  ],
};

/**
 * L4: every area published its arrangements in 2019 and implemented them; the 2026 revisions are
 * implemented in time except Somerset's, which is overdue (due 3 months after 1 June 2026).
 */
const REVISION: Record<Area, { publishedOn: string; implementedOn: string | null }> = {
  'Bath and North East Somerset': { publishedOn: '2026-05-01', implementedOn: '2026-07-01' },
  Bristol: { publishedOn: '2026-04-15', implementedOn: '2026-06-30' },
  'North Somerset': { publishedOn: '2026-05-20', implementedOn: '2026-08-01' },
  Somerset: { publishedOn: '2026-06-01', implementedOn: null },
  'South Gloucestershire': { publishedOn: '2026-10-01', implementedOn: null },
};

type Arrangement = { scrutineers: { id: string }[] };

/**
 * R17: the councils and the police name their lead and delegated safeguarding partners from the
 * day the arrangements were implemented. The seeds name no chief executive or chief constable, so
 * the leads are named by their posts; each delegate is the partner's delegated representative, the
 * police's at head-of-service rank (the Wood review's superintendent case). The health partners
 * are left to name theirs: their CCGs were succeeded by ICBs in 2022.
 */
const LEADS: Readonly<Record<string, { name: string; title: string; delegate: string }>> = {
  'south-glos': {
    name: 'Chief Executive, South Gloucestershire Council',
    title: 'Chief Executive',
    delegate: 'chris-sivers',
  },
  bristol: { name: 'Chief Executive, Bristol City Council', title: 'Chief Executive', delegate: 'jacqui-jensen' },
  somerset: { name: 'Chief Executive, Somerset County Council', title: 'Chief Executive', delegate: 'julian-wooster' },
  banes: { name: 'Chief Executive, BaNES Council', title: 'Chief Executive', delegate: 'mike-bowden' },
  'north-somerset': {
    name: 'Chief Executive, North Somerset Council',
    title: 'Chief Executive',
    delegate: 'sheila-smith',
  },
  police: { name: 'Chief Constable, Avon and Somerset Police', title: 'Chief Constable', delegate: 'victoria-capel' },
};

async function nameSafeguardingPartners({ send, tokenFor }: DemoContext, demo: LoadedDemo): Promise<void> {
  for (const partner of PARTNERS.filter((p) => p.key in LEADS)) {
    const lead = LEADS[partner.key];
    const delegate = REPRESENTATIVES.find((rep) => rep.key === lead.delegate);
    if (!delegate) throw new Error(`The demo has no representative ${lead.delegate}.`);
    await send(
      'mutation($i: NameSafeguardingPartnersInput!) { nameSafeguardingPartners(input: $i) { group { id } } }',
      {
        i: {
          groupId: demo.groupId,
          partnerId: demo.partnerIds[partner.key],
          leadName: lead.name,
          leadTitle: lead.title,
          delegateName: delegate.name,
          delegateTitle: delegate.title,
          delegateSeniority: delegate.seniority,
          from: '2019-09-29',
        },
      },
      await tokenFor(demo.personIds[delegate.key]),
    );
  }
}

/**
 * The areas' own records (L1, L4, L6), each recorded by that area's business manager: relevant
 * agencies, published arrangements, an independent scrutineer, what they examined and their report.
 */
export async function loadLocalArrangements(
  context: DemoContext,
  demo: LoadedDemo,
  businessManagerIds: Partial<Record<Area, string>>,
): Promise<void> {
  const { send, tokenFor } = context;
  await nameSafeguardingPartners(context, demo);
  for (const area of AREAS) {
    const manager = await tokenFor(businessManagerIds[area] as string);
    const areaId = demo.areaIds[area];
    const record = <T>(mutation: string, input: Record<string, unknown>, selection = 'id') =>
      send<Record<string, T>>(
        `mutation($i: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(input: $i) { ${selection} } }`,
        { i: { areaId, ...input } },
        manager,
      );
    for (const agency of AGENCIES[area]) await record('recordRelevantAgency', agency);
    await record('publishArrangements', {
      version: '2019',
      publishedOn: '2019-06-28',
      secretaryOfStateNotifiedOn: '2019-06-28',
    });
    await record('recordArrangementsImplemented', { version: '2019', implementedOn: '2019-09-29' });
    const revision = REVISION[area];
    await record('publishArrangements', {
      version: '2026',
      publishedOn: revision.publishedOn,
      secretaryOfStateNotifiedOn: revision.publishedOn,
    });
    if (revision.implementedOn)
      await record('recordArrangementsImplemented', { version: '2026', implementedOn: revision.implementedOn });
    const appointed = await record<Arrangement>(
      'appointScrutineer',
      { name: `${area} Independent Scrutineer`, from: '2024-04-01' },
      'scrutineers { id }',
    );
    const scrutineerId = appointed.appointScrutineer.scrutineers[0].id;
    await record('recordScrutinyActivity', {
      scrutineerId,
      examined: 'Multi-agency audit of the front door: thresholds and the timeliness of strategy discussions',
      on: '2026-02-10',
    });
    await record('publishScrutinyReport', {
      scrutineerId,
      title: `Independent scrutiny of the ${area} arrangements 2025/26`,
      publishedOn: '2026-06-30',
      recommendations: [
        {
          text: 'Publish the multi-agency training offer and report its take-up by agency each quarter.',
          targetPartnerIds: [demo.partnerIds[COUNCIL[area]], demo.partnerIds.police],
          dueDate: '2026-12-31',
        },
      ],
    });
  }
}
