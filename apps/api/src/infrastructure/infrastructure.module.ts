import { DynamicModule, Global, Inject, Logger, Module, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import Database from 'better-sqlite3';
import { EventStore } from '@app/event-store';
import {
  ALL_PROJECTIONS,
  AreaFeedQueries,
  HistoryQueries,
  MeetingQueries,
  MembershipQueries,
  LocalArrangementQueries,
  openReadDatabase,
  PeopleQueries,
  PolicyQueries,
  ReportsUpQueries,
  ProjectionRunner,
  RegionalGroupQueries,
  WorkstreamQueries,
} from '@app/read-models';
import {
  AppConfig,
  CLOCK,
  clockStartingAt,
  embeddedTokenVerifier,
  loadOrCreateSigningKey,
  oidcTokenVerifier,
  SigningKey,
  systemClock,
} from '@app/platform';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { LiveEvents } from '../live/live-events';
import { createEventStore } from './create-event-store';
import { APP_CONFIG, EVENT_STORE, READ_DATABASE, SIGNING_KEY, TOKEN_VERIFIER } from './injection-tokens';

/**
 * How often the service's projection runner tries a batch again while a command holds read.db's
 * write lock: a command's catch-up takes seconds, so a second's delay adds little to it.
 */
const LOCK_RETRY_MS = 1000;

/** How the app runs, besides its configuration. */
export interface AppRole {
  /**
   * A command of the CLI rather than the service: when read.db stays locked by another process, its
   * projection runner stops, so the command ends saying what holds the file, where the service's
   * waits for the lock and goes on.
   */
  readonly command?: boolean;
}

/** Starts the read side before the app serves, and closes storage in order on shutdown. */
class StorageLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_DATABASE) private readonly db: Database.Database,
    private readonly runner: ProjectionRunner,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.runner.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.runner.stop();
    await this.store.close();
    this.db.close();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forRoot(config: AppConfig, role: AppRole = {}): DynamicModule {
    const logger = new Logger('ProjectionRunner');
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: EVENT_STORE, useFactory: () => createEventStore(config) },
        {
          provide: READ_DATABASE,
          useFactory: () => {
            mkdirSync(config.dataDir, { recursive: true });
            return openReadDatabase(join(config.dataDir, 'read.db'));
          },
        },
        {
          provide: ProjectionRunner,
          inject: [EVENT_STORE, READ_DATABASE],
          useFactory: (store: EventStore, db: Database.Database) =>
            new ProjectionRunner(
              store,
              db,
              ALL_PROJECTIONS,
              {
                log: (message) => logger.log(message),
                warn: (message) => logger.warn(message),
                error: (message, error) => logger.error(error instanceof Error ? error : message, message),
              },
              role.command ? {} : { lockRetryMs: LOCK_RETRY_MS },
            ),
        },
        { provide: CLOCK, useValue: config.clockNow ? clockStartingAt(config.clockNow) : systemClock },
        { provide: SIGNING_KEY, useFactory: () => (config.oidc ? null : loadOrCreateSigningKey(config.dataDir)) },
        {
          provide: TOKEN_VERIFIER,
          inject: [SIGNING_KEY],
          useFactory: (key: SigningKey | null) =>
            config.oidc ? oidcTokenVerifier(config.oidc) : embeddedTokenVerifier(key as SigningKey),
        },
        {
          provide: RegionalGroupQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new RegionalGroupQueries(db),
        },
        {
          provide: PeopleQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new PeopleQueries(db),
        },
        {
          provide: MembershipQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new MembershipQueries(db),
        },
        {
          provide: MeetingQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new MeetingQueries(db),
        },
        {
          provide: AreaFeedQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new AreaFeedQueries(db),
        },
        {
          provide: WorkstreamQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new WorkstreamQueries(db),
        },
        {
          provide: PolicyQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new PolicyQueries(db),
        },
        {
          provide: LocalArrangementQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new LocalArrangementQueries(db),
        },
        {
          provide: ReportsUpQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new ReportsUpQueries(db),
        },
        {
          provide: HistoryQueries,
          inject: [READ_DATABASE],
          useFactory: (db: Database.Database) => new HistoryQueries(db),
        },
        LiveEvents,
        StorageLifecycle,
      ],
      exports: [
        APP_CONFIG,
        EVENT_STORE,
        READ_DATABASE,
        ProjectionRunner,
        CLOCK,
        SIGNING_KEY,
        TOKEN_VERIFIER,
        RegionalGroupQueries,
        PeopleQueries,
        MembershipQueries,
        MeetingQueries,
        AreaFeedQueries,
        WorkstreamQueries,
        PolicyQueries,
        ReportsUpQueries,
        HistoryQueries,
        LocalArrangementQueries,
        LiveEvents,
      ],
    };
  }
}
