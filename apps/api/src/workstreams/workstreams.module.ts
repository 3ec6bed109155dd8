import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { GroupWorkstreamFields } from './group-workstreams.fields';
import { TaskFields, WorkstreamResolver } from './workstream.resolver';
import { WorkstreamService } from './workstream.service';
import { WorkstreamViewerMayFields } from './workstream-viewer-may.fields';

@Module({
  imports: [CommonModule],
  providers: [WorkstreamService, WorkstreamResolver, TaskFields, GroupWorkstreamFields, WorkstreamViewerMayFields],
})
export class WorkstreamsModule {}
