import Database from 'better-sqlite3';

/**
 * Read-model rows are bitemporal (ARCHITECTURE.md, "Time on the read side"): each fact row holds
 * the days it held in the world, `valid_from` (inclusive) to `valid_to` (exclusive, null while it
 * still holds), and the positions between which the platform believed it, `recorded_from` to
 * `recorded_to` (null while it still does). A later fact closes a row; no row is overwritten.
 */
export const BITEMPORAL_COLUMNS = `valid_from TEXT NOT NULL, valid_to TEXT,
  recorded_from INTEGER NOT NULL, recorded_to INTEGER`;

/** Which rows a query sees: those valid on `on`, as recorded up to and including `position` (null: now). */
export interface TimeView {
  readonly on: string;
  readonly position: number | null;
}

/** The SQL condition for rows of `alias` seen by a view bound as `@on` and `@position`. */
export function seenBy(alias: string): string {
  return `${alias}.valid_from <= @on AND (${alias}.valid_to IS NULL OR ${alias}.valid_to > @on)
    AND ${alias}.recorded_from <= @position AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > @position)`;
}

/** Rows of `alias` the platform believed at the view's position, whatever days they held. */
export function recordedBy(alias: string): string {
  return `${alias}.recorded_from <= @position AND (${alias}.recorded_to IS NULL OR ${alias}.recorded_to > @position)`;
}

/** Everything recorded, on the last day anything holds: for questions of existence, not of a day. */
export const WHOLE_RECORD: TimeView = { on: '9999-12-31', position: null };

export function viewParameters(view: TimeView): { on: string; position: number } {
  return { on: view.on, position: view.position ?? Number.MAX_SAFE_INTEGER };
}

/** One bitemporal table: its name, the columns that identify a fact and those that describe it. */
export interface FactTable {
  readonly table: string;
  readonly key: readonly string[];
  readonly values: readonly string[];
}

const cache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(db: Database.Database, sql: string): Database.Statement {
  let statements = cache.get(db);
  if (!statements) cache.set(db, (statements = new Map<string, Database.Statement>()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

const built = new WeakMap<FactTable, Map<string, string>>();

/**
 * The SQL of one operation on a fact table, built once: replaying the history asks for it per
 * event, and the same string each time is also found at once among the prepared statements.
 */
function sqlOf(fact: FactTable, operation: string, build: () => string): string {
  let operations = built.get(fact);
  if (!operations) built.set(fact, (operations = new Map<string, string>()));
  let sql = operations.get(operation);
  if (sql === undefined) operations.set(operation, (sql = build()));
  return sql;
}

const keyCondition = (fact: FactTable) => fact.key.map((column) => `${column} = @${column}`).join(' AND ');

/**
 * The fact identified by `key` stops holding on `on`, as recorded at `position`: each row believed
 * now that holds on `on` is retired (`recorded_to`) and recorded again ending on `on`; a row that
 * would then hold for no day at all is only retired.
 */
export function closeFact(
  db: Database.Database,
  fact: FactTable,
  key: Readonly<Record<string, unknown>>,
  on: string,
  position: number,
): void {
  const parameters = { ...key, on, position };
  prepared(db, endedCopySql(fact)).run(parameters);
  prepared(
    db,
    sqlOf(
      fact,
      'close: retire',
      () => `UPDATE ${fact.table} SET recorded_to = @position WHERE ${holding(fact)} AND valid_from <= @on`,
    ),
  ).run(parameters);
}

/** Rows of the fact's key believed now, as recorded before `@position`. */
const believedBefore = (fact: FactTable) =>
  `${keyCondition(fact)} AND recorded_to IS NULL AND recorded_from < @position`;

/** Rows believed now that hold on `@on` or later. */
const holding = (fact: FactTable) => `${believedBefore(fact)} AND (valid_to IS NULL OR valid_to > @on)`;

/** Each row believed now that holds on `@on` and began before it, recorded again ending on `@on`. */
function endedCopySql(fact: FactTable): string {
  return sqlOf(fact, 'close: ended copy', () => {
    const columns = [...fact.key, ...fact.values, 'valid_from'].join(', ');
    return `INSERT INTO ${fact.table} (${columns}, valid_to, recorded_from, recorded_to)
       SELECT ${columns}, @on, @position, NULL FROM ${fact.table} WHERE ${holding(fact)} AND valid_from < @on`;
  });
}

/**
 * The fact identified by `key`, known to end on `endedOn`, holds on after all (a notice withdrawn):
 * each row believed now that ends that day is retired and recorded again without an end.
 */
export function reopenFact(
  db: Database.Database,
  fact: FactTable,
  key: Readonly<Record<string, unknown>>,
  endedOn: string,
  position: number,
): void {
  const columns = [...fact.key, ...fact.values, 'valid_from'].join(', ');
  const ending = `${believedBefore(fact)} AND valid_to = @endedOn`;
  prepared(
    db,
    `INSERT INTO ${fact.table} (${columns}, valid_to, recorded_from, recorded_to)
     SELECT ${columns}, NULL, @position, NULL FROM ${fact.table} WHERE ${ending}`,
  ).run({ ...key, endedOn, position });
  prepared(db, `UPDATE ${fact.table} SET recorded_to = @position WHERE ${ending}`).run({ ...key, endedOn, position });
}

/**
 * From `from` the fact identified by `key` is `values`: what held on that day is closed first, and
 * the new row holds until the next later fact already recorded for the key, if any.
 */
export function openFact(
  db: Database.Database,
  fact: FactTable,
  key: Readonly<Record<string, unknown>>,
  values: Readonly<Record<string, unknown>>,
  from: string,
  position: number,
): void {
  closeFact(db, fact, key, from, position);
  insertFact(db, fact, { ...key, ...values }, from, position);
}

/** A row of `fact` holding from `from` until the next later fact recorded for its key, if any. */
export function insertFact(
  db: Database.Database,
  fact: FactTable,
  row: Readonly<Record<string, unknown>>,
  from: string,
  position: number,
): void {
  prepared(
    db,
    sqlOf(fact, 'insert', () => {
      const columns = [...fact.key, ...fact.values];
      return `INSERT INTO ${fact.table} (${columns.join(', ')}, valid_from, valid_to, recorded_from, recorded_to)
       VALUES (${columns.map((column) => `@${column}`).join(', ')}, @from,
         (SELECT MIN(valid_from) FROM ${fact.table} WHERE ${keyCondition(fact)} AND recorded_to IS NULL AND valid_from > @from),
         @position, NULL)`;
    }),
  ).run({ ...row, from, position });
}

/**
 * From `from` on, the fact identified by `key` is `values`, whatever was recorded for later days:
 * for a fact whose changes follow one another in one stream (a policy's status), an event dated
 * before rows recorded earlier (history entered after the fact) retires those rows, so the latest
 * event holds from its own date. What held until `from` is recorded again ending then, as
 * `closeFact` does; the rows from `from` on are retired with those holding on it in one statement,
 * as a rebuild runs this for every change of every task and policy.
 */
export function supersedeFrom(
  db: Database.Database,
  fact: FactTable,
  key: Readonly<Record<string, unknown>>,
  values: Readonly<Record<string, unknown>>,
  from: string,
  position: number,
): void {
  const parameters = { ...key, on: from, position };
  prepared(db, endedCopySql(fact)).run(parameters);
  prepared(
    db,
    sqlOf(
      fact,
      'supersede: retire',
      () => `UPDATE ${fact.table} SET recorded_to = @position
       WHERE ${believedBefore(fact)} AND (valid_from >= @on OR valid_to IS NULL OR valid_to > @on)`,
    ),
  ).run(parameters);
  insertFact(db, fact, { ...key, ...values }, from, position);
}

/**
 * A correction (A7): the fact identified by `key` held from `from` to `to` (null: it still holds).
 * Each row believed now is retired and recorded again within the corrected period, the earliest
 * from `from` and the latest to `to`; a row left holding for no day at all is only retired.
 */
export function correctPeriod(
  db: Database.Database,
  fact: FactTable,
  key: Readonly<Record<string, unknown>>,
  from: string,
  to: string | null,
  position: number,
): void {
  const columns = [...fact.key, ...fact.values];
  const believed = believedBefore(fact);
  const rows = prepared(
    db,
    `SELECT ${columns.join(', ')}, valid_from, valid_to FROM ${fact.table} WHERE ${believed} ORDER BY valid_from`,
  ).all({ ...key, position }) as (Record<string, unknown> & { valid_from: string; valid_to: string | null })[];
  prepared(db, `UPDATE ${fact.table} SET recorded_to = @position WHERE ${believed}`).run({ ...key, position });
  const insert = prepared(
    db,
    `INSERT INTO ${fact.table} (${columns.join(', ')}, valid_from, valid_to, recorded_from, recorded_to)
     VALUES (${columns.map((column) => `@${column}`).join(', ')}, @validFrom, @validTo, @position, NULL)`,
  );
  rows.forEach(({ valid_from, valid_to, ...row }, index) => {
    const validFrom = index === 0 || valid_from < from ? from : valid_from;
    const validTo = index === rows.length - 1 || valid_to === null ? to : to === null || valid_to < to ? valid_to : to;
    if (validTo === null || validFrom < validTo) insert.run({ ...row, validFrom, validTo, position });
  });
}

/** A correction (A7) of what the fact identified by `key` is, in the row that holds on without end. */
export function correctValues(
  db: Database.Database,
  fact: FactTable,
  key: Readonly<Record<string, unknown>>,
  values: Readonly<Record<string, unknown>>,
  position: number,
): void {
  const holdingOn = `${believedBefore(fact)} AND valid_to IS NULL`;
  const copied = [...fact.key, ...fact.values.filter((column) => !(column in values))];
  const corrected = Object.keys(values);
  prepared(
    db,
    `INSERT INTO ${fact.table} (${[...copied, ...corrected].join(', ')}, valid_from, valid_to, recorded_from, recorded_to)
     SELECT ${[...copied, ...corrected.map((column) => `@${column}`)].join(', ')}, valid_from, NULL, @position, NULL
     FROM ${fact.table} WHERE ${holdingOn}`,
  ).run({ ...key, ...values, position });
  prepared(db, `UPDATE ${fact.table} SET recorded_to = @position WHERE ${holdingOn}`).run({ ...key, position });
}

/**
 * A correction (A7) of a fact as a whole, its days and what it was: every row believed now for
 * `key` is retired, and the fact is recorded again as `values` from `from`.
 */
export function replaceFact(
  db: Database.Database,
  fact: FactTable,
  key: Readonly<Record<string, unknown>>,
  values: Readonly<Record<string, unknown>>,
  from: string,
  position: number,
): void {
  prepared(db, `UPDATE ${fact.table} SET recorded_to = @position WHERE ${believedBefore(fact)}`).run({
    ...key,
    position,
  });
  insertFact(db, fact, { ...key, ...values }, from, position);
}
