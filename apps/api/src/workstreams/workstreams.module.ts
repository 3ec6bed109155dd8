import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { GroupWorkstreamFields } from './group-workstreams.fields';
import { TaskFields, WorkstreamResolver } from './workstream.resolver';

@Module({
  imports: [CommonModule],
  providers: [WorkstreamResolver, TaskFields, GroupWorkstreamFields],
})
export class WorkstreamsModule {}
