import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { HISTORY_FIELDS } from './history.fields';
import { HistoryReader } from './history-reader';
import { HistoryResolver } from './history.resolver';

@Module({ imports: [CommonModule], providers: [HistoryReader, HistoryResolver, ...HISTORY_FIELDS] })
export class AuditModule {}
