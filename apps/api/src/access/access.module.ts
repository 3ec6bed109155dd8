import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AccessResolver } from './access.resolver';
import { InitialisePlatformHandler } from './initialise-platform.command';
import { MeHandler } from './me.query';
import { PeopleResolver } from './people.resolver';

@Module({
  imports: [CommonModule],
  providers: [AccessResolver, PeopleResolver, MeHandler, InitialisePlatformHandler],
})
export class AccessModule {}
