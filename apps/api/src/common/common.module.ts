import { Module } from '@nestjs/common';
import { Actors } from '../auth/actors';
import { Authenticator } from '../auth/authenticator';
import { CommandGateway } from './command-gateway';

@Module({
  providers: [Actors, Authenticator, CommandGateway],
  exports: [Actors, Authenticator, CommandGateway],
})
export class CommonModule {}
