import Database from 'better-sqlite3';
import { RegionalGroupEvent } from '@app/domain';
import { StoredEvent } from '@app/event-store';
import { Projection, statementsPerDatabase } from '../projection';

const statements = statementsPerDatabase((db) => ({
  insertGroup: db.prepare('INSERT INTO regional_groups (group_id, name, established_at, sort_key) VALUES (?, ?, ?, ?)'),
  insertArea: db.prepare('INSERT INTO local_areas (area_id, group_id, name, ordinal) VALUES (?, ?, ?, ?)'),
}));

export const regionalGroupProjection: Projection = {
  name: 'regional-groups',
  version: 1,
  tables: ['regional_groups', 'local_areas'],

  setup(db: Database.Database) {
    db.exec(`
      CREATE TABLE regional_groups (
        group_id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        established_at TEXT NOT NULL,
        sort_key INTEGER NOT NULL UNIQUE
      );
      CREATE TABLE local_areas (
        area_id TEXT PRIMARY KEY,
        group_id TEXT NOT NULL,
        name TEXT NOT NULL,
        ordinal INTEGER NOT NULL
      );
      CREATE INDEX local_areas_by_group ON local_areas (group_id, ordinal);`);
  },

  apply(db: Database.Database, stored: StoredEvent) {
    const event = stored as unknown as RegionalGroupEvent & StoredEvent;
    switch (event.type) {
      case 'RegionalGroupEstablished': {
        const { groupId, name, areas, establishedAt } = event.data;
        const { insertGroup, insertArea } = statements(db);
        insertGroup.run(groupId, name, establishedAt, stored.position);
        areas.forEach((area, index) => insertArea.run(area.areaId, groupId, area.name, index));
        return;
      }
    }
  },
};
