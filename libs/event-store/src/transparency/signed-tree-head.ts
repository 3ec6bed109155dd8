import canonicalize from 'canonicalize';
import { base64url, CompactSign, compactVerify, KeyLike } from 'jose';

export const TREE_HEAD_ALGORITHM = 'ES256';

/** What a head commits to: the log's first `treeSize` events have the root `rootHash` (hex). */
export interface TreeHead {
  readonly treeSize: number;
  readonly rootHash: string;
  readonly timestamp: string;
}

/**
 * A head with the log key's signature: a JWS (ES256) in compact form with its payload detached
 * (`header..signature`), the payload being the RFC 8785 canonical JSON of
 * `{ rootHash, timestamp, treeSize }`. Anyone can rebuild the payload from the head's own fields.
 */
export interface SignedTreeHead extends TreeHead {
  readonly keyId: string;
  readonly signature: string;
}

export interface TreeHeadKey {
  readonly kid: string;
  readonly privateKey: KeyLike;
}

function payloadOf(head: TreeHead): Uint8Array {
  const { treeSize, rootHash, timestamp } = head;
  return new TextEncoder().encode(canonicalize({ treeSize, rootHash, timestamp }));
}

export async function signTreeHead(head: TreeHead, key: TreeHeadKey): Promise<SignedTreeHead> {
  const jws = await new CompactSign(payloadOf(head))
    .setProtectedHeader({ alg: TREE_HEAD_ALGORITHM, kid: key.kid })
    .sign(key.privateKey);
  const [header, , signature] = jws.split('.');
  return {
    treeSize: head.treeSize,
    rootHash: head.rootHash,
    timestamp: head.timestamp,
    keyId: key.kid,
    signature: `${header}..${signature}`,
  };
}

/** Null when `head` was signed by `publicKey` over exactly these fields; otherwise what is wrong. */
export async function treeHeadSignatureProblem(head: SignedTreeHead, publicKey: KeyLike): Promise<string | null> {
  const [header, detached, signature] = String(head.signature).split('.');
  if (header === undefined || detached !== '' || signature === undefined) {
    return 'its signature is not a detached JWS (header..signature)';
  }
  try {
    const { protectedHeader } = await compactVerify(
      `${header}.${base64url.encode(payloadOf(head))}.${signature}`,
      publicKey,
      { algorithms: [TREE_HEAD_ALGORITHM] },
    );
    if (protectedHeader.kid !== head.keyId)
      return `it names key ${head.keyId} but was signed as ${protectedHeader.kid}`;
    return null;
  } catch {
    return 'its signature does not verify with the log key: the head was altered or signed by another key';
  }
}

/** Reads a head from JSON someone kept, naming what is missing instead of failing later. */
export function parseSignedTreeHead(value: unknown): SignedTreeHead {
  const head = value as Partial<Record<keyof SignedTreeHead, unknown>> | null;
  const problems: string[] = [];
  if (!head || typeof head !== 'object') throw new Error('A signed tree head is a JSON object.');
  if (!Number.isInteger(head.treeSize) || (head.treeSize as number) < 0) problems.push('treeSize (a whole number)');
  if (typeof head.rootHash !== 'string' || !/^[0-9a-f]{64}$/.test(head.rootHash))
    problems.push('rootHash (64 hex digits)');
  if (typeof head.timestamp !== 'string' || Number.isNaN(Date.parse(head.timestamp)))
    problems.push('timestamp (an ISO date-time)');
  if (typeof head.keyId !== 'string') problems.push('keyId');
  if (typeof head.signature !== 'string') problems.push('signature');
  if (problems.length > 0) throw new Error(`The signed tree head lacks a valid ${problems.join(', ')}.`);
  return head as SignedTreeHead;
}
