import Database from 'better-sqlite3';
import { ACCESS_STREAM, AccessEvent } from '@app/domain';
import { occurredAtOf, StoredEvent } from '@app/event-store';
import { Projection, statementsPerDatabase, unhandled } from '../projection';

const statements = statementsPerDatabase((db) => ({
  insertPerson: db.prepare('INSERT INTO people (person_id, name, email, subject) VALUES (?, ?, ?, ?)'),
  insertGrant: db.prepare('INSERT INTO role_grants (person_id, role, area_id, granted_at) VALUES (?, ?, ?, ?)'),
  deleteGrant: db.prepare('DELETE FROM role_grants WHERE person_id = ? AND role = ? AND area_id IS ?'),
  insertCalendarToken: db.prepare(
    'INSERT INTO calendar_tokens (token_id, person_id, secret_hash, issued_at) VALUES (?, ?, ?, ?)',
  ),
  revokeCalendarToken: db.prepare('UPDATE calendar_tokens SET revoked_at = ? WHERE token_id = ?'),
}));

export const peopleProjection: Projection = {
  name: 'people',
  version: 3,
  streams: [ACCESS_STREAM],
  tables: ['people', 'role_grants', 'calendar_tokens'],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE people (
        person_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT,
        subject TEXT NOT NULL UNIQUE
      );
      CREATE TABLE role_grants (
        person_id TEXT NOT NULL,
        role TEXT NOT NULL,
        area_id TEXT,
        granted_at TEXT NOT NULL
      );
      CREATE INDEX role_grants_by_person ON role_grants (person_id);
      CREATE TABLE calendar_tokens (
        token_id TEXT PRIMARY KEY,
        person_id TEXT NOT NULL,
        secret_hash TEXT NOT NULL UNIQUE,
        issued_at TEXT NOT NULL,
        revoked_at TEXT
      );`);
  },

  apply(db: Database.Database, stored: StoredEvent) {
    if (stored.streamId !== ACCESS_STREAM) return;
    const event = stored as unknown as AccessEvent;
    switch (event.type) {
      case 'PersonRegistered':
        statements(db).insertPerson.run(event.data.personId, event.data.name, event.data.email, event.data.subject);
        return;
      case 'RoleGranted':
        statements(db).insertGrant.run(event.data.personId, event.data.role, event.data.areaId, occurredAtOf(stored));
        return;
      case 'RoleRevoked':
        statements(db).deleteGrant.run(event.data.personId, event.data.role, event.data.areaId);
        return;
      case 'CalendarTokenIssued':
        statements(db).insertCalendarToken.run(
          event.data.tokenId,
          event.data.personId,
          event.data.secretHash,
          event.data.issuedAt,
        );
        return;
      case 'CalendarTokenRevoked':
        statements(db).revokeCalendarToken.run(event.data.revokedAt, event.data.tokenId);
        return;
      default:
        return unhandled(event);
    }
  },
};
