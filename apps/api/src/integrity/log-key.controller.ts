import { Controller, Get, Inject } from '@nestjs/common';
import { SigningKey } from '@app/platform';
import { JWK } from 'jose';
import { LOG_KEY, LOG_KEY_PATH, publicJwkOf } from './log-key';

/** The public half of the log key, for anyone holding a head to check its signature. */
@Controller(LOG_KEY_PATH.slice(1))
export class LogKeyController {
  constructor(@Inject(LOG_KEY) private readonly key: SigningKey) {}

  @Get()
  publicKey(): Promise<JWK> {
    return publicJwkOf(this.key);
  }
}
