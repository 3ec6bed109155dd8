import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { LocalArrangementsModule } from '../local-arrangements/local-arrangements.module';
import { FeedItemPolicyResolver } from './feed-item-policy.resolver';
import { GroupPolicyFields, PolicyResolver } from './policy.resolver';
import { PolicyService } from './policy.service';

@Module({
  imports: [CommonModule, LocalArrangementsModule],
  providers: [PolicyService, PolicyResolver, GroupPolicyFields, FeedItemPolicyResolver],
})
export class PoliciesModule {}
