import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AreaFacts } from './area-facts';
import { LocalArrangementResolver } from './local-arrangement.resolver';
import { PracticeReviewResolver } from './practice-review.resolver';
import { GroupInboxFields, ReportsUpResolver } from './reports-up.resolver';

/** L1, L2, L4, L5: what an area records for itself and sends up, and the region's inbox. */
@Module({
  imports: [CommonModule],
  providers: [LocalArrangementResolver, AreaFacts, PracticeReviewResolver, ReportsUpResolver, GroupInboxFields],
})
export class LocalArrangementsModule {}
