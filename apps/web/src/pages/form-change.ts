import { ApiRefusal } from '../api-client';
import { FieldError } from '../components';
import { PageContext } from '../page-context';

/**
 * A form's change: done, the person goes to `done` with a success banner; refused by the API, the
 * page is shown again with the API's sentence in the error summary, linked to `field` (or to the
 * page's field for the input field the API named, when the form has several).
 */
export async function formChange(
  context: PageContext,
  field: string | ((apiField: string | null) => string),
  work: () => Promise<string | FieldError[]>,
  done: string,
  showAgain: (errors: FieldError[]) => Promise<void>,
): Promise<void> {
  let outcome: string | FieldError[];
  try {
    outcome = await work();
  } catch (error) {
    if (!(error instanceof ApiRefusal) || error.code === 'UNAUTHENTICATED') throw error;
    outcome = [{ field: typeof field === 'string' ? field : field(error.field), text: error.message }];
  }
  if (typeof outcome === 'string') context.redirect(done, outcome);
  else await showAgain(outcome);
}
