import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { LocalArrangementQueries } from '@app/read-models';
import { GroupTimeViews } from '../common/group-time-views';
import { InboxItem } from './reports-up.types';
import { toScrutinyReports } from './scrutiny.resolver';
import { ScrutinyReport } from './scrutiny.types';

/** L2, L6: the scrutineer's view attached to an area's yearly report in the region's inbox. */
@Resolver(() => InboxItem)
export class ScrutinyViewFields {
  constructor(
    private readonly records: LocalArrangementQueries,
    private readonly views: GroupTimeViews,
  ) {}

  @ResolveField(() => ScrutinyReport, {
    nullable: true,
    description:
      "L2, L6: for a yearly report, the area's latest independent scrutiny report published by the day the yearly report was published, with its responses as known today; null for other items or when there is none.",
  })
  scrutinyReport(@Parent() item: InboxItem): ScrutinyReport | null {
    if (item.yearlyReport === null) return null;
    const today = this.views.today();
    const publishedBy = item.yearlyReport.publishedOn;
    const reports = this.records
      .scrutinyReports(item.areaId, today)
      .filter((report) => report.publishedOn <= publishedBy);
    return toScrutinyReports(reports.slice(-1), today.on)[0] ?? null;
  }
}
