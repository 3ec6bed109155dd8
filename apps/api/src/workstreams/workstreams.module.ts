import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { GroupWorkstreamFields } from './group-workstreams.fields';
import { TaskFields, WorkstreamResolver } from './workstream.resolver';
import { WorkstreamService } from './workstream.service';

@Module({
  imports: [CommonModule],
  providers: [WorkstreamService, WorkstreamResolver, TaskFields, GroupWorkstreamFields],
})
export class WorkstreamsModule {}
