import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { EstablishRegionalGroupHandler } from './establish-regional-group.command';
import { GetRegionalGroupHandler, ListRegionalGroupsHandler } from './regional-group.queries';
import { RegionalGroupResolver } from './regional-group.resolver';

@Module({
  imports: [CommonModule],
  providers: [RegionalGroupResolver, EstablishRegionalGroupHandler, GetRegionalGroupHandler, ListRegionalGroupsHandler],
})
export class RegionalGroupModule {}
