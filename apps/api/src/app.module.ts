import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { DynamicModule, Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { GraphQLModule } from '@nestjs/graphql';
import {
  MeetingQueries,
  MembershipQueries,
  PolicyQueries,
  RegionalGroupQueries,
  WorkstreamQueries,
} from '@app/read-models';
import { AppConfig } from '@app/platform';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { Authenticator } from './auth/authenticator';
import { CommonModule } from './common/common.module';
import { graphqlOptions } from './graphql/graphql-options';
import { HealthModule } from './health/health.module';
import { AppRole, InfrastructureModule } from './infrastructure/infrastructure.module';
import { IntegrityModule } from './integrity/integrity.module';
import { MeetingsModule } from './meetings/meetings.module';
import { WorkstreamsModule } from './workstreams/workstreams.module';
import { PoliciesModule } from './policies/policies.module';
import { LocalArrangementsModule } from './local-arrangements/local-arrangements.module';
import { RegionalGroupModule } from './regional-group/regional-group.module';
import { WebModule } from '../../web/src/web.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, role: AppRole = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        InfrastructureModule.forRoot(config, role),
        CqrsModule.forRoot(),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [CommonModule],
          inject: [
            Authenticator,
            RegionalGroupQueries,
            MembershipQueries,
            MeetingQueries,
            WorkstreamQueries,
            PolicyQueries,
          ],
          useFactory: (
            authenticator: Authenticator,
            groups: RegionalGroupQueries,
            membership: MembershipQueries,
            meetings: MeetingQueries,
            workstreams: WorkstreamQueries,
            policies: PolicyQueries,
          ) => graphqlOptions(config, authenticator, { groups, membership, meetings, workstreams, policies }),
        }),
        HealthModule,
        IntegrityModule,
        AccessModule,
        RegionalGroupModule,
        MeetingsModule,
        WorkstreamsModule,
        PoliciesModule,
        LocalArrangementsModule,
        AuditModule,
        WebModule.forRoot(config),
      ],
    };
  }
}
