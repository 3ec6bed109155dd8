import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AreaRecordsService } from './area-records.service';
import { LocalArrangementResolver } from './local-arrangement.resolver';
import { LocalArrangementService } from './local-arrangement.service';
import { LocalArrangementViews } from './local-arrangement.view';
import { PracticeReviewResolver } from './practice-review.resolver';
import { PracticeReviewService } from './practice-review.service';
import { GroupInboxFields, ReportsUpResolver } from './reports-up.resolver';
import { ReportsUpService } from './reports-up.service';
import { ScrutinyViewFields } from './scrutiny-view.resolver';
import { ScrutinyResolver } from './scrutiny.resolver';
import { ScrutinyService } from './scrutiny.service';
import { AreaViewerMayFields } from './viewer-may.fields';

/** L1, L2, L4, L5, L6: what an area records for itself and sends up, its scrutiny, and the region's inbox. */
@Module({
  imports: [CommonModule],
  providers: [
    LocalArrangementService,
    AreaRecordsService,
    ScrutinyService,
    PracticeReviewService,
    ReportsUpService,
    LocalArrangementViews,
    LocalArrangementResolver,
    ScrutinyResolver,
    PracticeReviewResolver,
    ReportsUpResolver,
    GroupInboxFields,
    ScrutinyViewFields,
    AreaViewerMayFields,
  ],
  // Policies and the area feed write to an area's stream too, by the same path.
  exports: [LocalArrangementService],
})
export class LocalArrangementsModule {}
