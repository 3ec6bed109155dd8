import { AppConfig } from '@app/platform';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const WEB_CONFIG = Symbol('WEB_CONFIG');

export interface WebConfig {
  /** The embedded default outside production: a sign-in page that takes a token. */
  readonly devSignIn: boolean;
  /** `{ "<role or person>": "<token>" }`, as `npm run demo` writes it. */
  readonly tokensFile: string;
  /** With an OIDC provider and the pages' client registration: people sign in there. */
  readonly oidcClient: {
    readonly issuer: string;
    readonly clientId: string;
    readonly clientSecret: string | null;
  } | null;
}

export function webConfig(config: AppConfig): WebConfig {
  return {
    devSignIn: config.oidc === null && config.environment !== 'production',
    tokensFile: join(config.dataDir, 'tokens.json'),
    oidcClient: config.oidc?.clientId
      ? { issuer: config.oidc.issuer, clientId: config.oidc.clientId, clientSecret: config.oidc.clientSecret }
      : null,
  };
}

/** The demo's tokens by who holds them; none when the file is absent or not such an object. */
export function demoTokens(config: WebConfig): Record<string, string> {
  if (!existsSync(config.tokensFile)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(config.tokensFile, 'utf8'));
    if (!parsed || typeof parsed !== 'object') return {};
    return Object.fromEntries(
      Object.entries(parsed as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return {};
  }
}
