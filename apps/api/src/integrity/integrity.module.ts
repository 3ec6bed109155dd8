import { Module } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { CommonModule } from '../common/common.module';
import { APP_CONFIG } from '../infrastructure/injection-tokens';
import { FeedItemTreeHeadResolver } from './feed-item-tree-head.resolver';
import { IntegrityMonitor } from './integrity-monitor';
import { IntegrityResolver } from './integrity.resolver';
import { LOG_KEY, loadOrCreateLogKey } from './log-key';
import { LogKeyController } from './log-key.controller';
import { RedactionResolver } from './redaction.resolver';
import { RedactionService } from './redaction.service';

@Module({
  imports: [CommonModule],
  controllers: [LogKeyController],
  providers: [
    { provide: LOG_KEY, inject: [APP_CONFIG], useFactory: (config: AppConfig) => loadOrCreateLogKey(config) },
    IntegrityMonitor,
    IntegrityResolver,
    FeedItemTreeHeadResolver,
    RedactionResolver,
    RedactionService,
  ],
  exports: [IntegrityMonitor],
})
export class IntegrityModule {}
