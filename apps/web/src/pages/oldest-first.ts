/**
 * Oldest first by a day (YYYY-MM-DD) each item carries, those without one last: the API lists in
 * the order it recorded, which is not the order things happened. Items of the same day keep the
 * order they came in.
 */
export function oldestFirst<T>(items: readonly T[], dayOf: (item: T) => string | null): T[] {
  return [...items].sort((a, b) => {
    const [dayA, dayB] = [dayOf(a), dayOf(b)];
    if (dayA === dayB) return 0;
    if (dayA === null) return 1;
    if (dayB === null) return -1;
    return dayA.localeCompare(dayB);
  });
}
