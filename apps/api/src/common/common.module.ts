import { Module } from '@nestjs/common';
import { Actors } from '../auth/actors';
import { Authenticator } from '../auth/authenticator';
import { ReadAccess } from '../auth/read-access';
import { CommandGateway } from './command-gateway';
import { GroupTimeViews } from './group-time-views';
import { KnownEntities } from './known-entities';

@Module({
  providers: [Actors, Authenticator, CommandGateway, KnownEntities, GroupTimeViews, ReadAccess],
  exports: [Actors, Authenticator, CommandGateway, KnownEntities, GroupTimeViews, ReadAccess],
})
export class CommonModule {}
