import { INestApplication } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { PeopleQueries } from '@app/read-models';
import { randomUUID } from 'node:crypto';
import { InitialisePlatformCommand } from '../../../api/src/access/initialise-platform.command';
import { EstablishRegionalGroupCommand } from '../../../api/src/regional-group/establish-regional-group.command';
import { EstablishRegionalGroupInput } from '../../../api/src/regional-group/establish-regional-group.input';
import { tokenFor } from '../commands/token.command';
import { AVON_AND_SOMERSET } from './avon-and-somerset';

export interface DemoResult {
  readonly groupId: string;
  /** Role or person -> bearer token. */
  readonly tokens: Record<string, string>;
}

/** Builds the demo through the same commands users send, as the people who would send them. */
export async function loadDemo(app: INestApplication): Promise<DemoResult> {
  const commands = app.get(CommandBus);
  const { personId } = await commands.execute(new InitialisePlatformCommand(AVON_AND_SOMERSET.administrator));
  const admin = app.get(PeopleQueries).byId(personId);
  if (!admin) throw new Error('The administrator just recorded is not readable.');
  const identity = { personId, name: admin.name, subject: admin.subject };

  const input = Object.assign(new EstablishRegionalGroupInput(), {
    name: AVON_AND_SOMERSET.name,
    areas: AVON_AND_SOMERSET.areas.map((name) => ({ name })),
  });
  const { groupId } = await commands.execute(new EstablishRegionalGroupCommand(input, { identity, correlationId: randomUUID() }));

  return { groupId, tokens: { administrator: await tokenFor(app, personId, '30d') } };
}
