import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { SignedTreeHead as SignedTreeHeadData } from '@app/event-store';
import { derivedId } from '../common/derived-id';

@ObjectType({
  description:
    'A signed head of the transparency log (RFC 9162 shape): the first treeSize events, in global order, have the Merkle root rootHash.',
})
export class SignedTreeHead {
  @Field(() => ID, { description: 'Stable for a head: its size, root and time.' })
  id!: string;

  @Field(() => Int)
  treeSize!: number;

  @Field({ description: 'SHA-256 Merkle tree hash, hex.' })
  rootHash!: string;

  @Field({ description: 'When the head was signed (ISO date-time).' })
  timestamp!: string;

  @Field({ description: 'The kid of the log key, served as a JWK at /.well-known/transparency-log-key.' })
  keyId!: string;

  @Field({
    description:
      'ES256 JWS with detached payload (header..signature); the payload is the RFC 8785 JSON of { rootHash, timestamp, treeSize }.',
  })
  signature!: string;
}

@ObjectType({
  description: 'RFC 9162 §2.1.4 proof that the tree of fromSize events is a prefix of the tree of toSize.',
})
export class ConsistencyProof {
  @Field(() => ID, { description: 'From its two sizes: the proof between them never changes while the log holds.' })
  id!: string;

  @Field(() => Int)
  fromSize!: number;

  @Field(() => Int)
  toSize!: number;

  @Field(() => [String], { description: 'Node hashes, hex, in the order of PROOF(m, D[n]).' })
  hashes!: string[];
}

@ObjectType({
  description: 'Tamper evidence (A4): the log’s newest signed head and proofs against heads held elsewhere.',
})
export class Integrity {
  @Field(() => ID, { description: 'There is one transparency log.' })
  id: string = derivedId('Integrity');
}

export function toSignedTreeHead(head: SignedTreeHeadData): SignedTreeHead {
  const { treeSize, rootHash, timestamp, keyId, signature } = head;
  return {
    id: derivedId('SignedTreeHead', treeSize, rootHash, timestamp),
    treeSize,
    rootHash,
    timestamp,
    keyId,
    signature,
  };
}
