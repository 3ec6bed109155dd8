import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { LocalArrangementsModule } from '../local-arrangements/local-arrangements.module';
import { AreaFeedResolver } from './area-feed.resolver';
import { AreaFeedService } from './area-feed.service';
import { CalendarController } from './calendar.controller';
import { GroupFactsReader } from './group-facts';
import { GroupMeetingFields } from './group-meetings.fields';
import { MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';

@Module({
  imports: [CommonModule, LocalArrangementsModule],
  controllers: [CalendarController],
  providers: [MeetingService, AreaFeedService, MeetingResolver, AreaFeedResolver, GroupMeetingFields, GroupFactsReader],
})
export class MeetingsModule {}
