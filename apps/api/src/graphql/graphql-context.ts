import { Identity } from '../auth/identity';
import { Loaders } from './loaders';

/** What every resolver can read about the request it serves. */
export interface GraphqlContext {
  readonly identity: Identity | null;
  readonly correlationId: string;
  readonly loaders: Loaders;
}
