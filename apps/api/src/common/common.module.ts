import { Module } from '@nestjs/common';
import { Actors } from '../auth/actors';
import { Authenticator } from '../auth/authenticator';
import { ReadAccess } from '../auth/read-access';
import { AreaGroups } from './area-groups';
import { CommandGateway } from './command-gateway';
import { GroupTimeViews } from './group-time-views';
import { KnownEntities } from './known-entities';

@Module({
  providers: [Actors, AreaGroups, Authenticator, CommandGateway, KnownEntities, GroupTimeViews, ReadAccess],
  exports: [Actors, AreaGroups, Authenticator, CommandGateway, KnownEntities, GroupTimeViews, ReadAccess],
})
export class CommonModule {}
