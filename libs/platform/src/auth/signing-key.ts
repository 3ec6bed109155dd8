import { exportJWK, generateKeyPair, importJWK, JWK, KeyLike } from 'jose';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const SIGNING_ALGORITHM = 'ES256';

export interface SigningKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
  readonly publicKey: KeyLike;
}

/**
 * The embedded deployment's token key (or, by another file name, the transparency log's key):
 * made on first start, kept in DATA_DIR readable by its owner only, and reused after, so
 * tokens and signatures stay valid across restarts.
 */
export async function loadOrCreateSigningKey(dataDir: string, fileName = 'signing-key.json'): Promise<SigningKey> {
  const file = join(dataDir, fileName);
  mkdirSync(dataDir, { recursive: true });
  try {
    return await importKey(JSON.parse(readFileSync(file, 'utf8')) as JWK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const { privateKey } = await generateKeyPair(SIGNING_ALGORITHM, { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: randomUUID(), alg: SIGNING_ALGORITHM };
  try {
    writeFileSync(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
  } catch (error) {
    // Another process made the key first: use theirs, so every process signs with one key.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return importKey(JSON.parse(readFileSync(file, 'utf8')) as JWK);
  }
  return importKey(jwk);
}

async function importKey(jwk: JWK): Promise<SigningKey> {
  const { d: _private, ...publicJwk } = jwk;
  return {
    kid: String(jwk.kid),
    privateKey: (await importJWK(jwk, SIGNING_ALGORITHM)) as KeyLike,
    publicKey: (await importJWK(publicJwk, SIGNING_ALGORITHM)) as KeyLike,
  };
}
