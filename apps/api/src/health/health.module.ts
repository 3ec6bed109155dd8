import { Module } from '@nestjs/common';
import { IntegrityModule } from '../integrity/integrity.module';
import { HealthController } from './health.controller';

@Module({ imports: [IntegrityModule], controllers: [HealthController] })
export class HealthModule {}
