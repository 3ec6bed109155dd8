/** Rows of a batched query by the id each belongs to; every id asked for is there, with no rows if none matched. */
export function groupRows<Row>(
  ids: readonly string[],
  rows: readonly Row[],
  keyOf: (row: Row) => string,
): Map<string, Row[]> {
  const byId = new Map<string, Row[]>(ids.map((id) => [id, []]));
  for (const row of rows) byId.get(keyOf(row))?.push(row);
  return byId;
}
