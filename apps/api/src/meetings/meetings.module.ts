import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AreaFeedResolver } from './area-feed.resolver';
import { CalendarController } from './calendar.controller';
import { GroupFactsReader } from './group-facts';
import { GroupMeetingFields } from './group-meetings.fields';
import { MeetingResolver } from './meeting.resolver';
import { MeetingService } from './meeting.service';

@Module({
  imports: [CommonModule],
  controllers: [CalendarController],
  providers: [MeetingService, MeetingResolver, AreaFeedResolver, GroupMeetingFields, GroupFactsReader],
})
export class MeetingsModule {}
