import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { FeedItemPolicyVersionResolver } from './feed-item-policy-version.resolver';
import { GroupPolicyFields, PolicyResolver } from './policy.resolver';
import { PolicyService } from './policy.service';

@Module({
  imports: [CommonModule],
  providers: [PolicyService, PolicyResolver, GroupPolicyFields, FeedItemPolicyVersionResolver],
})
export class PoliciesModule {}
