import { Module } from '@nestjs/common';
import { Actors } from '../auth/actors';
import { Authenticator } from '../auth/authenticator';
import { ReadAccess } from '../auth/read-access';
import { ChangeStreamHandler } from './change-stream.command';
import { CommandGateway } from './command-gateway';
import { KnownEntities } from './known-entities';

@Module({
  providers: [Actors, Authenticator, CommandGateway, ChangeStreamHandler, KnownEntities, ReadAccess],
  exports: [Actors, Authenticator, CommandGateway, KnownEntities, ReadAccess],
})
export class CommonModule {}
