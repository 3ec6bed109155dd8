import { AppConfig, loadOrCreateSigningKey, SIGNING_ALGORITHM, SigningKey } from '@app/platform';
import { exportJWK, JWK } from 'jose';

/**
 * The transparency log signs its heads with a key of its own, `DATA_DIR/transparency-log-key.json`
 * (ES256, made on first start, mode 0600), in both embedded and OIDC deployments: witnesses must
 * keep verifying old heads when the token key is rotated or handed to an OIDC provider, and a
 * signed head can never be mistaken for a token.
 */
export const LOG_KEY_FILE = 'transparency-log-key.json';

export const LOG_KEY = Symbol('LOG_KEY');

/** Where the log's public key is served, as a JWK, to anyone. */
export const LOG_KEY_PATH = '/.well-known/transparency-log-key';

export function loadOrCreateLogKey(config: AppConfig): Promise<SigningKey> {
  return loadOrCreateSigningKey(config.dataDir, LOG_KEY_FILE);
}

export async function publicJwkOf(key: SigningKey): Promise<JWK> {
  return { ...(await exportJWK(key.publicKey)), kid: key.kid, alg: SIGNING_ALGORITHM, use: 'sig' };
}
