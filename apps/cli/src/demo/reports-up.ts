import { addMonthsToDate, figuresDueOn, IsoDate } from '@app/domain';
import { AREAS } from './avon-and-somerset';
import { DemoContext, LoadedDemo } from './load-demo';

type Area = (typeof AREAS)[number];

/** The measures the group asks every area for (L2): counts only. */
export const MEASURES = ['Rapid reviews held', 'Referrals to children’s social care'] as const;

/** Each area's yearly report for 2025-26; Somerset's published 13 November 2026, seven weeks after it was due. */
const YEARLY_REPORTS: Record<Area, { publishedOn: IsoDate; sentOn: IsoDate }> = {
  'Bath and North East Somerset': { publishedOn: '2026-09-25', sentOn: '2026-09-29' },
  Bristol: { publishedOn: '2026-09-30', sentOn: '2026-10-02' },
  'North Somerset': { publishedOn: '2026-10-02', sentOn: '2026-10-07' },
  Somerset: { publishedOn: '2026-11-13', sentOn: '2026-11-18' },
  'South Gloucestershire': { publishedOn: '2026-09-29', sentOn: '2026-10-06' },
};

/**
 * The day each area sent last quarter's figures, as a day of the month they were due in (0) or of
 * the month after (1): Somerset late, as with its yearly report, the others in time.
 */
const FIGURES_SENT: Record<Area, { monthsAfterDue: 0 | 1; day: string }> = {
  'Bath and North East Somerset': { monthsAfterDue: 0, day: '21' },
  Bristol: { monthsAfterDue: 0, day: '14' },
  'North Somerset': { monthsAfterDue: 0, day: '24' },
  Somerset: { monthsAfterDue: 1, day: '12' },
  'South Gloucestershire': { monthsAfterDue: 0, day: '28' },
};

/** When `area` sent `quarter`'s figures; today when that day has not come yet (the demo run early in the month). */
function figuresSentOn(area: Area, quarter: string, today: IsoDate): IsoDate {
  const { monthsAfterDue, day } = FIGURES_SENT[area];
  const month = addMonthsToDate(`${figuresDueOn(quarter).slice(0, 7)}-01`, monthsAfterDue).slice(0, 7);
  const sentOn = `${month}-${day}`;
  return sentOn > today ? today : sentOn;
}

/** The calendar quarter before the one `today` falls in, as `2026-Q3`. */
export function lastQuarter(today: IsoDate): string {
  const year = Number(today.slice(0, 4));
  const quarter = Math.floor((Number(today.slice(5, 7)) - 1) / 3) + 1;
  return quarter === 1 ? `${year - 1}-Q4` : `${year}-Q${quarter - 1}`;
}

interface Sent {
  readonly [mutation: string]: { readonly id: string };
}

/**
 * What the five areas send up (L2, L5), through the public API as each area's own people would:
 * the group's measures and last quarter's figures (Somerset's late), a yearly report from every
 * area (Somerset's late), a restricted escalation from Bristol that the region answers, a local decision, and two
 * practice reviews across the Christmas and New Year bank holidays of 2025: Bristol's met every
 * deadline, Somerset's notified the panel after New Year and missed both.
 */
export async function loadReportsUp(
  { send, tokenFor }: DemoContext,
  demo: LoadedDemo,
  businessManagerIds: Partial<Record<Area, string>>,
  today: IsoDate,
): Promise<void> {
  const chair = await tokenFor(demo.personIds['sheila-smith']);
  const bristolCouncil = await tokenFor(demo.personIds['jacqui-jensen']);
  const manager = async (area: Area) => tokenFor(businessManagerIds[area] as string);
  const call = async (mutation: string, input: Record<string, unknown>, token: string, inputType?: string) =>
    (
      await send<Sent>(
        `mutation($i: ${inputType ?? `${mutation[0].toUpperCase()}${mutation.slice(1)}Input`}!) { ${mutation}(input: $i) { id } }`,
        { i: input },
        token,
      )
    )[mutation].id;

  const measureIds: string[] = [];
  for (const name of MEASURES) measureIds.push(await call('defineMeasure', { groupId: demo.groupId, name }, chair));

  const quarter = lastQuarter(today);
  for (const [index, area] of AREAS.entries()) {
    const areaId = demo.areaIds[area];
    const token = await manager(area);
    if (area === 'Somerset') {
      await call(
        'submitYearlyReport',
        {
          areaId,
          period: '2024-25',
          publishedOn: '2025-09-26',
          link: 'https://somerset.example/safeguarding-partnership/yearly-report-2024-25.pdf',
          sentToNationalPanelOn: '2025-09-30',
          sentToWhatWorksOn: '2025-09-30',
        },
        token,
      );
    }
    const { publishedOn, sentOn } = YEARLY_REPORTS[area];
    const reportId = await call(
      'submitYearlyReport',
      {
        areaId,
        period: '2025-26',
        publishedOn,
        // Named for the area, not its id: a random id's digits can read as an NHS number, which is refused (R40).
        link: `https://${area.toLowerCase().replaceAll(' ', '-')}.example/safeguarding-partnership/yearly-report-2025-26.pdf`,
        sentToNationalPanelOn: sentOn,
        sentToWhatWorksOn: sentOn,
      },
      token,
    );
    if (area === 'Bristol') await call('acknowledgeInboxItem', { groupId: demo.groupId, itemId: reportId }, chair);
    for (const [m, measureId] of measureIds.entries())
      await call(
        'submitPerformanceFigures',
        {
          areaId,
          measureId,
          period: quarter,
          count: (index + 2) * (m * 40 + 1),
          submittedOn: figuresSentOn(area, quarter, today),
        },
        token,
      );
  }

  const bristol = demo.areaIds.Bristol;
  const escalationId = await call(
    'raiseEscalation',
    {
      areaId: bristol,
      title: 'Out-of-hours paediatric cover for child protection medicals',
      detail: 'No designated paediatrician has been available at weekends since September; medicals wait until Monday.',
      restricted: true,
      raisedOn: '2025-11-03',
    },
    await manager('Bristol'),
  );
  await call(
    'respondToEscalation',
    {
      groupId: demo.groupId,
      itemId: escalationId,
      response: 'Raised with the integrated care board’s medical director; a weekend rota is being drawn up.',
      respondedOn: '2025-11-10',
    },
    chair,
  );
  await call(
    'shareLocalDecision',
    {
      areaId: demo.areaIds['North Somerset'],
      title: 'Neglect strategy 2026-2028',
      decision: 'The executive adopted the neglect strategy, with the graded care profile used by every agency.',
      decidedOn: '2026-02-04',
    },
    await manager('North Somerset'),
  );

  // Bristol: known and notified on Friday 19 December 2025; every deadline met across the bank holidays.
  const met = await call(
    'notifySeriousIncident',
    { areaId: bristol, reference: 'BRS-2025-11', awareOn: '2025-12-19', notifiedOn: '2025-12-19' },
    bristolCouncil,
  );
  await call(
    'recordRapidReviewDecision',
    {
      areaId: bristol,
      reviewId: met,
      decision: 'LCSPR',
      decisionReason: 'Learning about information sharing between health visiting and early help.',
      decidedOn: '2026-01-14',
    },
    bristolCouncil,
  );
  await call(
    'publishLocalReview',
    {
      areaId: bristol,
      reviewId: met,
      link: 'https://bristol.example/safeguarding-partnership/lcspr-brs-2025-11.pdf',
      publishedOn: '2026-07-10',
    },
    await manager('Bristol'),
  );
  // Somerset: known on Monday 22 December 2025, the panel notified only on 5 January 2026; both deadlines missed.
  const somerset = demo.areaIds.Somerset;
  const missed = await call(
    'notifySeriousIncident',
    { areaId: somerset, reference: 'SOM-2025-04', awareOn: '2025-12-22', notifiedOn: '2026-01-05' },
    await manager('Somerset'),
  );
  await call(
    'recordRapidReviewDecision',
    {
      areaId: somerset,
      reviewId: missed,
      decision: 'NATIONAL_PANEL_REFERRAL',
      decisionReason: 'Issues of national importance about pre-birth assessment.',
      decidedOn: '2026-01-30',
    },
    await manager('Somerset'),
  );
}
