import { isEmail, ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import {
  DOCUMENT_TEXT_MAX,
  isEntityId,
  isWellFormedText,
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  textProblem,
} from '@app/domain';

/**
 * The decorators every input uses for ids, free text and e-mail addresses, so that each rule
 * (in libs/domain/src/shared) is applied the same way to every field.
 */

/** An id this API gave out (a lowercase UUID); `each` for a list of ids. */
export function IsEntityId(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isEntityId',
      validator: {
        validate: (value: unknown) => isEntityId(value),
        defaultMessage: ({ property }: ValidationArguments) =>
          `${property} must be an id this API gave out (a UUID such as 0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54).`,
      },
    },
    options,
  );
}

interface TextOptions {
  /** For optional text with an empty default (a summary, notes): empty is fine there, invisible is not. */
  readonly allowEmpty?: boolean;
  /** How the message names the field, e.g. "An area name"; the field's own name otherwise. */
  readonly label?: string;
}

/** Free text of at most `max` characters with at least one visible character. */
function IsText(max: number, { allowEmpty = false, label }: TextOptions = {}): PropertyDecorator {
  const problem = (value: unknown) => (allowEmpty && value === '' ? null : textProblem(value, max));
  return ValidateBy({
    name: 'isText',
    validator: {
      validate: (value: unknown) => problem(value) === null,
      defaultMessage: ({ property, value }: ValidationArguments) => `${label ?? property} ${problem(value)}.`,
    },
  });
}

/** A name or a title. */
export const IsShortText = (options?: TextOptions) => IsText(SHORT_TEXT_MAX, options);
/** Prose: a decision, a reason, a note. */
export const IsLongText = (options?: TextOptions) => IsText(LONG_TEXT_MAX, options);
/** A whole document: minutes, a policy's text, a communication. */
export const IsDocumentText = (options?: TextOptions) => IsText(DOCUMENT_TEXT_MAX, options);

/**
 * An e-mail address. validator.js's isEmail throws a URIError on a lone surrogate, so text that is
 * not well-formed is refused before it is asked.
 */
export function IsEmailAddress(): PropertyDecorator {
  return ValidateBy({
    name: 'isEmailAddress',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'string' && value.length <= SHORT_TEXT_MAX && isWellFormedText(value) && isEmail(value),
      defaultMessage: ({ property }: ValidationArguments) => `${property} must be an e-mail address.`,
    },
  });
}
