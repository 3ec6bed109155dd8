import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { LocalArrangementResolver } from './local-arrangement.resolver';

@Module({ imports: [CommonModule], providers: [LocalArrangementResolver] })
export class LocalArrangementsModule {}
