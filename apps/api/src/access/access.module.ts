import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AccessResolver } from './access.resolver';
import { AccessService } from './access.service';
import { CalendarTokensResolver } from './calendar-tokens.resolver';
import { InitialisePlatformHandler } from './initialise-platform.command';
import { IssueCalendarTokenHandler } from './issue-calendar-token.command';
import { MeHandler } from './me.query';
import { PeopleResolver } from './people.resolver';

@Module({
  imports: [CommonModule],
  providers: [
    AccessService,
    AccessResolver,
    PeopleResolver,
    CalendarTokensResolver,
    MeHandler,
    InitialisePlatformHandler,
    IssueCalendarTokenHandler,
  ],
})
export class AccessModule {}
