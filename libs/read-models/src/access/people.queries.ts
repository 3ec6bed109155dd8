import Database from 'better-sqlite3';
import { statementsPerDatabase } from '../projection';

export interface PersonRow {
  readonly personId: string;
  readonly name: string;
  readonly email: string | null;
  readonly subject: string;
}

export interface RoleGrantRow {
  readonly role: string;
  readonly areaId: string | null;
}

export interface CalendarTokenRow {
  readonly tokenId: string;
  readonly personId: string;
  readonly issuedAt: string;
  readonly revokedAt: string | null;
}

/** Prepared once: every request's authentication and every change to a person reads through these. */
const statements = statementsPerDatabase((db) => ({
  bySubject: db.prepare<[string], PersonRow>(
    'SELECT person_id AS personId, name, email, subject FROM people WHERE subject = ?',
  ),
  byId: db.prepare<[string], PersonRow>(
    'SELECT person_id AS personId, name, email, subject FROM people WHERE person_id = ?',
  ),
  rolesOf: db.prepare<[string], RoleGrantRow>(
    'SELECT role, area_id AS areaId FROM role_grants WHERE person_id = ? ORDER BY rowid',
  ),
}));

export class PeopleQueries {
  constructor(private readonly db: Database.Database) {}

  bySubject(subject: string): PersonRow | undefined {
    return statements(this.db).bySubject.get(subject);
  }

  byId(personId: string): PersonRow | undefined {
    return statements(this.db).byId.get(personId);
  }

  /** Finds a person by id, subject, e-mail or exact name, for the CLI's `token <person>`. */
  find(reference: string): PersonRow[] {
    return this.db
      .prepare(
        `SELECT person_id AS personId, name, email, subject FROM people
         WHERE person_id = @reference OR subject = @reference OR lower(email) = lower(@reference) OR lower(name) = lower(@reference)`,
      )
      .all({ reference }) as PersonRow[];
  }

  rolesOf(personId: string): RoleGrantRow[] {
    return statements(this.db).rolesOf.all(personId);
  }

  /** The calendar token whose secret hashes to `secretHash`, revoked or not. */
  calendarTokenBySecretHash(secretHash: string): CalendarTokenRow | undefined {
    return this.db
      .prepare(
        `SELECT token_id AS tokenId, person_id AS personId, issued_at AS issuedAt, revoked_at AS revokedAt
         FROM calendar_tokens WHERE secret_hash = ?`,
      )
      .get(secretHash) as CalendarTokenRow | undefined;
  }
}
