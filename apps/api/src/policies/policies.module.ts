import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import { GroupPolicyFields, PolicyResolver } from './policy.resolver';

@Module({
  imports: [CommonModule],
  providers: [PolicyResolver, GroupPolicyFields],
})
export class PoliciesModule {}
