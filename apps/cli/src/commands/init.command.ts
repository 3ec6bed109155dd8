import { CommandBus } from '@nestjs/cqrs';
import { AppConfig } from '@app/platform';
import { InitialisePlatformCommand } from '../../../api/src/access/initialise-platform.command';
import { withApp } from '../app-context';

export interface InitOptions {
  readonly name: string;
  readonly email: string | null;
  readonly subject: string | null;
}

/** Records the first administrator; refused once the platform has one. */
export async function init(config: AppConfig, options: InitOptions): Promise<string> {
  return withApp(config, async (app) => {
    const { personId } = await app.get(CommandBus).execute(new InitialisePlatformCommand(options));
    return personId;
  });
}
