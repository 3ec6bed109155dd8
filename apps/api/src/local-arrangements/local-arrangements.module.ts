import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { AreaRecords } from './area-records';
import { LocalArrangementResolver } from './local-arrangement.resolver';
import { ScrutinyResolver } from './scrutiny.resolver';

@Module({ imports: [CommonModule], providers: [AreaRecords, LocalArrangementResolver, ScrutinyResolver] })
export class LocalArrangementsModule {}
