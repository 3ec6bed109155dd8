/** Opaque cursors over an integer ordering key, so clients cannot depend on what is inside. */
export function encodeCursor(key: number): string {
  return Buffer.from(`k:${key}`).toString('base64url');
}

/** Returns null for a cursor this platform did not issue. */
export function decodeCursor(cursor: string): number | null {
  const match = /^k:(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  return match ? Number(match[1]) : null;
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
  rows: readonly { key: number; node: T }[],
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
