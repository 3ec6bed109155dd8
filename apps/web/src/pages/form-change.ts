import { ApiRefusal } from '../api-client';
import { FieldError } from '../components';
import { PageContext } from '../page-context';

/**
 * A form's change: done, the person goes to `done` with a success banner; refused by the API, the
 * page is shown again with the API's sentence in the error summary, linked to `field`.
 */
export async function formChange(
  context: PageContext,
  field: string,
  work: () => Promise<string | FieldError[]>,
  done: string,
  showAgain: (errors: FieldError[]) => Promise<void>,
): Promise<void> {
  let outcome: string | FieldError[];
  try {
    outcome = await work();
  } catch (error) {
    if (!(error instanceof ApiRefusal) || error.code === 'UNAUTHENTICATED') throw error;
    outcome = [{ field, text: error.message }];
  }
  if (typeof outcome === 'string') context.redirect(done, outcome);
  else await showAgain(outcome);
}
