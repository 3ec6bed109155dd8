/**
 * The item of an answer the demo just asked the api to record: not finding it means the api did not
 * record what was sent, which the loader reports by name rather than failing later on `undefined`.
 */
export function found<T>(items: readonly T[], matches: (item: T) => boolean, what: string): T {
  const item = items.find(matches);
  if (item === undefined) throw new Error(`The api's answer has no ${what}.`);
  return item;
}
