import { ValidationError } from '@nestjs/common';
import { DomainError, IdentifyingData } from '@app/domain';
import { InputValidationError } from '@app/platform';
import { ENTITY_ID_CONSTRAINT, IDENTIFYING_DATA_CONSTRAINT, identifyingDataFoundIn } from './input-validators';

interface Problem {
  /** The field's path in the input, e.g. `title` or `areas.0.name`. */
  readonly field: string;
  readonly constraint: string;
  readonly sentence: string;
  /** For identifying data (R40): everything the field was found to hold. */
  readonly found: readonly IdentifyingData[];
}

/**
 * One sentence per problem. The project's own messages are sentences already; class-validator's
 * begin with the property's name ("first must not be less than 1"), which gives way to the field's
 * whole path, so the field is named once.
 */
function sentenceOf(field: string, property: string, message: string): string {
  if (message.endsWith('.')) return message;
  if (message.startsWith(`${property} `)) return `${field}${message.slice(property.length)}.`;
  return `${field}: ${message}.`;
}

function problems(errors: ValidationError[], path = ''): Problem[] {
  return errors.flatMap((error) => {
    const field = path ? `${path}.${error.property}` : error.property;
    const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) => ({
      field,
      constraint,
      sentence: sentenceOf(field, error.property, message),
      found: constraint === IDENTIFYING_DATA_CONSTRAINT ? identifyingDataFoundIn(error) : [],
    }));
    return [...own, ...problems(error.children ?? [], field)];
  });
}

/**
 * Input that identifies a child or family is refused as IDENTIFYING_DATA, whatever else is wrong
 * with it: that is what the sender must not send again (R40). It names the first field, and in
 * `fields` every field at fault, so a form can mark each one: `kind` and `found` the first thing
 * found in it (what clients read before a field could hold several), `findings` all of them.
 * Input whose only fault is a malformed id is NOT_FOUND, as a well-formed id that names nothing
 * is: neither names anything. Any other problem makes it VALIDATION_FAILED, every problem listed.
 */
export function inputRefusal(errors: ValidationError[]): Error {
  const all = problems(errors);
  const identifying = all.filter((problem) => problem.constraint === IDENTIFYING_DATA_CONSTRAINT);
  if (identifying.length > 0) {
    return new DomainError('IDENTIFYING_DATA', identifying.map((problem) => problem.sentence).join(' '), {
      field: identifying[0].field,
      fields: identifying.map(({ field, found }) => ({
        field,
        kind: found[0]?.kind,
        found: found[0]?.description,
        findings: found.map(({ kind, description }) => ({ kind, found: description })),
      })),
    });
  }
  if (all.length > 0 && all.every((problem) => problem.constraint === ENTITY_ID_CONSTRAINT)) {
    return new DomainError('NOT_FOUND', all.map((problem) => problem.sentence).join(' '), { field: all[0].field });
  }
  return new InputValidationError(all.map(({ field, sentence }) => ({ field, sentence })));
}
