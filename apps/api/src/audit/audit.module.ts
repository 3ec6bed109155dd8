import { Module } from '@nestjs/common';
import { HISTORY_FIELDS } from './history.fields';
import { HistoryReader } from './history-reader';
import { HistoryResolver } from './history.resolver';

@Module({ providers: [HistoryReader, HistoryResolver, ...HISTORY_FIELDS] })
export class AuditModule {}
