import { Module } from '@nestjs/common';
import { CommonModule } from '../common/common.module';
import {
  CorePartnerFields,
  FundingContributionFields,
  RegionalGroupMembershipFields,
  RepresentativeFields,
} from './membership.fields';
import { MembershipResolver } from './membership.resolver';
import { RegionalGroupLawFields } from './law.fields';
import { CoverageIfResolver } from './coverage-if.resolver';
import { AddAreaResolver } from './add-area.resolver';
import { SafeguardingPartnersResolver } from './safeguarding-partners.resolver';
import { GroupScrutinyResolver } from './group-scrutiny.resolver';
import { NoticeScheduler } from './notice-scheduler';
import { NoticeResolver } from './notice.resolver';
import { GetRegionalGroupHandler, ListRegionalGroupsHandler } from './regional-group.queries';
import { RegionalGroupResolver } from './regional-group.resolver';
import { RegionalGroupService } from './regional-group.service';
import { GroupViewerMayFields } from './viewer-may.fields';

@Module({
  imports: [CommonModule],
  providers: [
    RegionalGroupService,
    RegionalGroupResolver,
    MembershipResolver,
    NoticeResolver,
    NoticeScheduler,
    RegionalGroupMembershipFields,
    RegionalGroupLawFields,
    CoverageIfResolver,
    AddAreaResolver,
    SafeguardingPartnersResolver,
    GroupScrutinyResolver,
    CorePartnerFields,
    RepresentativeFields,
    FundingContributionFields,
    GroupViewerMayFields,
    GetRegionalGroupHandler,
    ListRegionalGroupsHandler,
  ],
})
export class RegionalGroupModule {}
