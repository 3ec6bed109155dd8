import { Args, Int, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { DomainError } from '@app/domain';
import { LeavesChangedError } from '@app/event-store';
import { CurrentIdentity } from '../auth/current-identity.decorator';
import { Identity } from '../auth/identity';
import { IntegrityMonitor } from './integrity-monitor';
import { derivedId } from '../common/derived-id';
import { ConsistencyProof, Integrity, SignedTreeHead, toSignedTreeHead } from './integrity.types';

/** Anyone signed in may fetch the newest head and prove an older one against it: witnesses need no role. */
@Resolver(() => Integrity)
export class IntegrityResolver {
  constructor(private readonly monitor: IntegrityMonitor) {}

  @Query(() => Integrity, { description: 'The transparency log (A4): its newest signed head and consistency proofs.' })
  integrity(@CurrentIdentity() _identity: Identity): Integrity {
    return new Integrity();
  }

  @ResolveField(() => SignedTreeHead, { nullable: true, description: 'The newest signed head; null before the first.' })
  async head(): Promise<SignedTreeHead | null> {
    const head = (await this.monitor.current()).latestHead;
    return head ? toSignedTreeHead(head) : null;
  }

  @ResolveField(() => ConsistencyProof, {
    description: 'Proves that a head of `from` events you hold is a prefix of the newest signed head.',
  })
  async consistencyProof(@Args('from', { type: () => Int }) from: number): Promise<ConsistencyProof> {
    const log = await this.monitor.current();
    const head = log.latestHead;
    if (!head)
      throw new DomainError('NOT_FOUND', 'No tree head has been signed yet, so there is nothing to prove against.');
    if (from < 1 || from > head.treeSize) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `from must be the size of a head you hold, between 1 and ${head.treeSize} (the newest head's size).`,
      );
    }
    const proof = await log.tree.consistencyProof(from, head.treeSize).catch((error: unknown) => {
      if (!(error instanceof LeavesChangedError)) throw error;
      throw new DomainError('CONFLICT', `No proof can be given, because ${error.message}.`);
    });
    const hashes = proof.map((hash) => hash.toString('hex'));
    return { id: derivedId('ConsistencyProof', from, head.treeSize), fromSize: from, toSize: head.treeSize, hashes };
  }
}
