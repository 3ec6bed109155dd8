/**
 * Where a row sits in its ordering: an integer key (a position in the log), or a day then a position
 * (the history read in the order things happened, where positions alone do not order the rows).
 */
export type CursorKey = number | DayKey;
export interface DayKey {
  /** YYYY-MM-DD. */
  readonly day: string;
  readonly position: number;
}

/** Opaque cursors over an ordering key, so clients cannot depend on what is inside. */
export function encodeCursor(key: CursorKey): string {
  return Buffer.from(typeof key === 'number' ? `k:${key}` : `d:${key.day}:${key.position}`).toString('base64url');
}

/** Returns null for a cursor this platform did not issue over an integer key. */
export function decodeCursor(cursor: string): number | null {
  const match = /^k:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
}

/** Returns null for a cursor this platform did not issue over a day then a position. */
export function decodeDayCursor(cursor: string): DayKey | null {
  const match = /^d:(\d{4}-\d{2}-\d{2}):(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? { day: match[1], position: Number(match[2]) } : null;
}

export interface Page<T> {
  readonly items: readonly { cursor: string; node: T }[];
  readonly hasNextPage: boolean;
  /** Whether items come at or before the `after` cursor. */
  readonly hasPreviousPage: boolean;
  /** The cursor the page was read after: an empty page hands it back, so a client polling never loses its place. */
  readonly after: string | null;
  readonly totalCount: number;
}

/**
 * A page from rows read `LIMIT first + 1` after the cursor, each with its ordering key (the extra
 * row tells whether a next page follows), given how many rows match in all and at or before the cursor.
 */
export function pageOf<T>(
  rows: readonly { key: CursorKey; node: T }[],
  first: number,
  after: string | null,
  counts: { readonly total: number; readonly before: number },
): Page<T> {
  return {
    items: rows.slice(0, first).map(({ key, node }) => ({ cursor: encodeCursor(key), node })),
    hasNextPage: rows.length > first,
    hasPreviousPage: counts.before > 0,
    after,
    totalCount: counts.total,
  };
}
