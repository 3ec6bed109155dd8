import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AreaFacts } from './area-facts';
import { PracticeReviewResolver } from './practice-review.resolver';
import { GroupInboxFields, ReportsUpResolver } from './reports-up.resolver';

/** L2, L5: what an area records for itself and sends up, and the region's inbox. */
@Module({
  imports: [CommonModule],
  providers: [AreaFacts, PracticeReviewResolver, ReportsUpResolver, GroupInboxFields],
})
export class LocalArrangementsModule {}
