import { Inject, Injectable } from '@nestjs/common';
import * as client from 'openid-client';
import { WEB_CONFIG, WebConfig } from './web-config';

/** What the session keeps between sending the person to the provider and their return (RFC 7636, OIDC core). */
export interface PendingSignIn {
  readonly codeVerifier: string;
  readonly state: string;
  readonly nonce: string;
}

/**
 * Signing in at the organisation's OIDC provider with the authorization code flow and PKCE, by
 * openid-client. The access token the provider issues for the API's audience is what the pages
 * then send to /graphql, so the API verifies it exactly as it verifies any other client's.
 */
@Injectable()
export class OidcSignIn {
  private configuration: Promise<client.Configuration> | null = null;

  constructor(@Inject(WEB_CONFIG) private readonly config: WebConfig) {}

  get enabled(): boolean {
    return this.config.oidcClient !== null;
  }

  /** Where to send the person, and what to keep until they come back. */
  async start(redirectUri: string): Promise<{ url: URL; pending: PendingSignIn }> {
    const configuration = await this.discovered();
    const pending = {
      codeVerifier: client.randomPKCECodeVerifier(),
      state: client.randomState(),
      nonce: client.randomNonce(),
    };
    const url = client.buildAuthorizationUrl(configuration, {
      redirect_uri: redirectUri,
      scope: 'openid profile',
      code_challenge: await client.calculatePKCECodeChallenge(pending.codeVerifier),
      code_challenge_method: 'S256',
      state: pending.state,
      nonce: pending.nonce,
    });
    return { url, pending };
  }

  /** Exchanges the returned code (checking state, nonce and the PKCE verifier) for the access token. */
  async finish(callbackUrl: URL, pending: PendingSignIn): Promise<string> {
    const tokens = await client.authorizationCodeGrant(await this.discovered(), callbackUrl, {
      pkceCodeVerifier: pending.codeVerifier,
      expectedState: pending.state,
      expectedNonce: pending.nonce,
      idTokenExpected: true,
    });
    return tokens.access_token;
  }

  /** The provider's metadata, discovered once; a failed discovery is tried again next time. */
  private discovered(): Promise<client.Configuration> {
    const settings = this.config.oidcClient;
    if (!settings) throw new Error('No OIDC client is configured');
    this.configuration ??= client
      .discovery(
        new URL(settings.issuer),
        settings.clientId,
        settings.clientSecret ?? undefined,
        settings.clientSecret ? undefined : client.None(),
        // Plain http only for a provider on this machine (a development or test provider).
        settings.issuer.startsWith('http://') ? { execute: [client.allowInsecureRequests] } : undefined,
      )
      .catch((error: unknown) => {
        this.configuration = null;
        throw error;
      });
    return this.configuration;
  }
}
