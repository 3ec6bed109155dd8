import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AccessResolver } from './access.resolver';
import { InitialisePlatformHandler } from './initialise-platform.command';
import { MeHandler } from './me.query';

@Module({
  imports: [CommonModule],
  providers: [AccessResolver, MeHandler, InitialisePlatformHandler],
})
export class AccessModule {}
