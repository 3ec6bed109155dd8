import Database from 'better-sqlite3';
import {
  ACCESS_STREAM,
  communicationStream,
  localArrangementStream,
  meetingStream,
  policyStream,
  REDACTIONS_STREAM,
  regionalGroupStream,
  regionalReportsStream,
  workstreamStream,
} from '@app/domain';
import { StoredEvent, TRANSPARENCY_LOG_STREAM, TREE_HEAD_SIGNED } from '@app/event-store';
import { join } from 'node:path';
import ts from 'typescript';
import { ALL_PROJECTIONS } from './all-projections';
import { readsStream } from './projection';

/**
 * Each stream the platform writes, by the prefix of its ids, with the union of the events its
 * decider records there (a name exported by @app/domain), or the event types written to it.
 */
const STREAMS: readonly (readonly [prefix: string, events: string | readonly string[]])[] = [
  [ACCESS_STREAM, 'AccessEvent'],
  [regionalGroupStream(''), 'RegionalGroupEvent'],
  [meetingStream(''), 'MeetingEvent'],
  [workstreamStream(''), 'WorkstreamEvent'],
  [policyStream(''), 'PolicyEvent'],
  [communicationStream(''), 'CommunicationEvent'],
  [localArrangementStream(''), 'LocalArrangementEvent'],
  [regionalReportsStream(''), 'RegionalReportsEvent'],
  [REDACTIONS_STREAM, 'RedactionEvent'],
  [TRANSPARENCY_LOG_STREAM, [TREE_HEAD_SIGNED]],
];

/** The `type` of every member of each named union, read from the domain's own declarations. */
function eventTypesOfUnions(names: readonly string[]): Map<string, string[]> {
  const root = join(__dirname, '../../..');
  const config = ts.getParsedCommandLineOfConfigFile(
    join(root, 'tsconfig.json'),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    },
  ) as ts.ParsedCommandLine;
  const index = join(root, 'libs/domain/src/index.ts');
  const program = ts.createProgram([index], { ...config.options, noEmit: true, incremental: false });
  const checker = program.getTypeChecker();
  const exported = checker.getExportsOfModule(
    checker.getSymbolAtLocation(program.getSourceFile(index) as ts.SourceFile) as ts.Symbol,
  );
  return new Map(
    names.map((name) => {
      const symbol = exported.find((candidate) => candidate.name === name);
      if (!symbol) throw new Error(`@app/domain exports no ${name}`);
      const union = checker.getDeclaredTypeOfSymbol(
        symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol,
      );
      const types = (union.isUnion() ? union.types : [union]).map((member) => {
        const literal = checker.getTypeOfSymbol(member.getProperty('type') as ts.Symbol);
        if (!literal.isStringLiteral()) throw new Error(`a member of ${name} has no literal type`);
        return literal.value;
      });
      return [name, types];
    }),
  );
}

/** Data that fails the test on any read: a projection reading it handles the event. */
const untouchable = (streamId: string, type: string): unknown => {
  const refuse = (what: string) => {
    throw new Error(`read ${what} of the data of ${type} in ${streamId}`);
  };
  return new Proxy(
    {},
    { get: (_, key) => refuse(String(key)), has: (_, key) => refuse(String(key)), ownKeys: () => refuse('the keys') },
  );
};

/** Every row of every table the projection owns. */
const rowsOf = (db: Database.Database, tables: readonly string[]) =>
  tables.map((table) => db.prepare(`SELECT * FROM ${table}`).all());

describe('the streams each projection declares (Projection.streams)', () => {
  const unions = eventTypesOfUnions(STREAMS.flatMap(([, events]) => (typeof events === 'string' ? [events] : [])));
  const typesOf = (events: string | readonly string[]) =>
    typeof events === 'string' ? (unions.get(events) as string[]) : events;

  it('names only prefixes of streams listed here, so that the check below covers each of them', () => {
    const unlisted = ALL_PROJECTIONS.flatMap((projection) =>
      (projection.streams ?? [])
        .filter((declared) => !STREAMS.some(([prefix]) => prefix.startsWith(declared)))
        .map((declared) => `${projection.name}: ${declared}`),
    );
    expect(unlisted).toEqual([]);
    expect([...unions.values()].every((types) => types.length > 0)).toBe(true);
  });

  /**
   * The runner hands a projection only the events of the streams it declares. So an event type
   * that a projection handles must come from one of them: given an event of any other stream, of
   * each type that stream's decider records, `apply` must neither read its data nor change a row.
   */
  it.each(
    ALL_PROJECTIONS.filter((projection) => projection.streams).map((projection) => [projection.name, projection]),
  )('%s handles no event of a stream it does not declare', (_, projection) => {
    const db = new Database(':memory:');
    projection.setup(db);
    const empty = rowsOf(db, projection.tables);
    const handled: string[] = [];
    let position = 0;
    for (const [prefix, events] of STREAMS) {
      const streamId = prefix.endsWith('-') ? `${prefix}0b6c2f8e` : prefix;
      if (readsStream(projection, streamId)) continue;
      for (const type of typesOf(events)) {
        position += 1;
        const event: StoredEvent = {
          id: `event-${position}`,
          streamId,
          revision: 0,
          position,
          type,
          data: untouchable(streamId, type),
          metadata: { occurredAt: '2026-11-23T09:00:00.000Z', actor: { personId: 'p-1' } },
          recordedAt: '2026-11-23T09:00:00.000Z',
        };
        try {
          projection.apply(db, event);
        } catch (error) {
          handled.push(`${type} (${prefix}): ${(error as Error).message}`);
          continue;
        }
        if (JSON.stringify(rowsOf(db, projection.tables)) !== JSON.stringify(empty))
          handled.push(`${type} (${prefix}): wrote rows`);
      }
    }
    db.close();
    expect(handled).toEqual([]);
  });
});
