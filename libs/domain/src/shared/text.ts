/** Free text in commands is compared and stored without surrounding or doubled white space. */
export function normaliseName(value: string): string {
  return value.trim().replace(/\s+/g, ' ');
}
