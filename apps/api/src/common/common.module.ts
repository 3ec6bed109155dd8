import { Module } from '@nestjs/common';
import { Actors } from '../auth/actors';
import { Authenticator } from '../auth/authenticator';
import { ChangeStreamHandler } from './change-stream.command';
import { CommandGateway } from './command-gateway';

@Module({
  providers: [Actors, Authenticator, CommandGateway, ChangeStreamHandler],
  exports: [Actors, Authenticator, CommandGateway],
})
export class CommonModule {}
