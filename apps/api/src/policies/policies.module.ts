import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { FeedItemPolicyVersionResolver } from './feed-item-policy-version.resolver';
import { GroupPolicyFields, PolicyResolver } from './policy.resolver';

@Module({
  imports: [CommonModule],
  providers: [PolicyResolver, GroupPolicyFields, FeedItemPolicyVersionResolver],
})
export class PoliciesModule {}
