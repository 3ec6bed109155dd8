import { joinedWithAnd, withDaysInWords } from '@app/domain';
import { ApiRefusal } from '../api-client';
import { FieldError } from '../components';
import { PageContext } from '../page-context';

/** A field of a form with several, by the name the API gives it: the page's id for it and its label. */
export interface FormField {
  readonly id: string;
  readonly label: string;
}

/** A form's fields by the names the API gives them, the first the one a refusal about no field goes to. */
export type FormFields = Readonly<Record<string, FormField>>;

/** What the API's IDENTIFYING_DATA refusal says of each field at fault (R40): everything found in it. */
interface IdentifyingField {
  readonly field: string;
  readonly findings?: readonly { readonly found: string }[];
}

/** What the API says of a field at fault (each of VALIDATION_FAILED's, or NOT_FOUND's one): a sentence that starts with its name. */
interface FieldProblem {
  readonly field: string;
  readonly sentence: string;
}

/**
 * The API's sentence about a field, starting with the field's label as the form's own errors do, its
 * days worded as the refusal's own sentence is (`ApiRefusal`): a field's problems come exact in `details`.
 */
function inWordsOfLabel({ field, sentence }: FieldProblem, label: string): string {
  return withDaysInWords(sentence.startsWith(`${field} `) ? `${label}${sentence.slice(field.length)}` : sentence);
}

/**
 * A refusal on a form with several fields: identifying data or invalid input once on each field
 * the API found it in, in the words of the field's label, as GOV.UK marks every field at fault;
 * any other refusal on the field the API named, in the words of its label ("Workstream names
 * nothing"), or as the API said it on the form's first.
 */
export function refusalOnFields(error: ApiRefusal, fields: FormFields): FieldError[] {
  const named = error.code === 'IDENTIFYING_DATA' && Array.isArray(error.details.fields) ? error.details.fields : [];
  const identifying = (named as IdentifyingField[]).filter(({ field }) => Object.hasOwn(fields, field));
  if (identifying.length > 0) {
    return identifying.map(({ field, findings = [] }) => ({
      field: fields[field].id,
      text: `${fields[field].label} must not identify a child or family${findings.length > 0 ? `: it looks like it holds ${joinedWithAnd(findings.map(({ found }) => found))}` : ''}`,
    }));
  }
  const problems =
    error.code === 'VALIDATION_FAILED' && Array.isArray(error.details.problems) ? error.details.problems : [];
  const invalid = (problems as FieldProblem[]).filter(({ field }) => Object.hasOwn(fields, field));
  if (invalid.length > 0) {
    return invalid.map((problem) => ({
      field: fields[problem.field].id,
      text: inWordsOfLabel(problem, fields[problem.field].label),
    }));
  }
  if (error.field !== null && Object.hasOwn(fields, error.field)) {
    const field = fields[error.field];
    return [{ field: field.id, text: inWordsOfLabel({ field: error.field, sentence: error.message }, field.label) }];
  }
  return [{ field: Object.values(fields)[0].id, text: error.message }];
}

/**
 * A form's change: done, the person goes to `done` with a success banner; refused by the API, the
 * page is shown again with the refusal in the error summary, linked to `field`, or, for a form
 * with several fields, to the field (or fields) the API named.
 */
export async function formChange(
  context: PageContext,
  field: string | FormFields,
  work: () => Promise<string | FieldError[]>,
  done: string,
  showAgain: (errors: FieldError[]) => Promise<void>,
): Promise<void> {
  let outcome: string | FieldError[];
  try {
    outcome = await work();
  } catch (error) {
    if (!(error instanceof ApiRefusal) || error.code === 'UNAUTHENTICATED') throw error;
    outcome = typeof field === 'string' ? [{ field, text: error.message }] : refusalOnFields(error, field);
  }
  if (typeof outcome === 'string') context.redirect(done, outcome);
  else await showAgain(outcome);
}
