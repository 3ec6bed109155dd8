import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@app/platform';
import { AssetsController } from './assets.controller';
import { AuditController } from './pages/audit.controller';
import { InboxController } from './pages/inbox.controller';
import { TasksController } from './pages/tasks.controller';
import { WorkstreamController } from './pages/workstream.controller';
import { MemberRemovalController } from './pages/member-removal.controller';
import { WorkstreamsController } from './pages/workstreams.controller';
import { Pages } from './page-context';
import { GroupController } from './pages/group.controller';
import { HomeController } from './pages/home.controller';
import { MeetingsController } from './pages/meetings.controller';
import { PoliciesController } from './pages/policies.controller';
import { RegionInboxController } from './pages/region-inbox.controller';
import { SignInController } from './pages/sign-in.controller';
import { OidcSignIn } from './oidc-sign-in';
import { SessionStore } from './session';
import { WEB_CONFIG, webConfig } from './web-config';

/** The pages people use, served by the api's own server as a client of its GraphQL API. */
@Module({})
export class WebModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: WebModule,
      controllers: [
        AssetsController,
        SignInController,
        HomeController,
        GroupController,
        MeetingsController,
        PoliciesController,
        InboxController,
        RegionInboxController,
        WorkstreamsController,
        WorkstreamController,
        MemberRemovalController,
        TasksController,
        AuditController,
      ],
      providers: [SessionStore, Pages, OidcSignIn, { provide: WEB_CONFIG, useValue: webConfig(config) }],
    };
  }
}
