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
  readonly totalCount: number;
}
