import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AreaFacts } from './area-facts';
import { AreaRecords } from './area-records';
import { LocalArrangementResolver } from './local-arrangement.resolver';
import { PracticeReviewResolver } from './practice-review.resolver';
import { GroupInboxFields, ReportsUpResolver } from './reports-up.resolver';
import { ScrutinyViewFields } from './scrutiny-view.resolver';
import { ScrutinyResolver } from './scrutiny.resolver';

/** L1, L2, L4, L5, L6: what an area records for itself and sends up, its scrutiny, and the region's inbox. */
@Module({
  imports: [CommonModule],
  providers: [
    AreaFacts,
    AreaRecords,
    LocalArrangementResolver,
    ScrutinyResolver,
    PracticeReviewResolver,
    ReportsUpResolver,
    GroupInboxFields,
    ScrutinyViewFields,
  ],
})
export class LocalArrangementsModule {}
