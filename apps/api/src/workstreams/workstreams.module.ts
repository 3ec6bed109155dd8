import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { ChangeWorkstreamHandler } from './change-workstream.command';
import { GroupWorkstreamFields } from './group-workstreams.fields';
import { TaskFields, WorkstreamResolver } from './workstream.resolver';

@Module({
  imports: [CommonModule],
  providers: [WorkstreamResolver, TaskFields, GroupWorkstreamFields, ChangeWorkstreamHandler],
})
export class WorkstreamsModule {}
