/**
 * Why a pasted token was not accepted: the API's reason is a sentence of its own (it starts with a
 * capital and ends with a full stop), so it follows ours rather than being spliced into it.
 */
export function tokenRefusalText(reason: string): string {
  return `That token was not accepted. ${reason}`;
}
