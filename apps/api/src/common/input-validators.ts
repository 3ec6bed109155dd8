import { isEmail, ValidateBy, ValidationArguments, ValidationError, ValidationOptions } from 'class-validator';
import {
  dateProblem,
  dateTimeProblem,
  DOCUMENT_TEXT_MAX,
  findAllIdentifyingData,
  financialYearProblem,
  findAllIdentifyingDataInKey,
  IdentifyingData,
  isEntityId,
  isFinancialYear,
  isWebAddress,
  isWellFormedText,
  joinedWithAnd,
  LONG_TEXT_MAX,
  SHORT_TEXT_MAX,
  textProblem,
} from '@app/domain';

/**
 * The decorators every input uses for ids, days, free text, e-mail and web addresses, so that each rule
 * (in libs/domain/src/shared) is applied the same way to every field. Free text is also checked
 * for data that identifies a child or family (R40).
 */

/**
 * The name of the constraint that an id is one this API gave out. A malformed id names nothing, as
 * an unknown one does, so the ValidationPipe's exception factory refuses it with NOT_FOUND.
 */
export const ENTITY_ID_CONSTRAINT = 'isEntityId';

/** An id this API gave out (a lowercase UUID); `each` for a list of ids. */
export function IsEntityId(options: ValidationOptions = {}): PropertyDecorator {
  return ValidateBy(
    {
      name: ENTITY_ID_CONSTRAINT,
      validator: {
        validate: (value: unknown) => isEntityId(value),
        defaultMessage: ({ property }: ValidationArguments) =>
          `${property} names nothing: it must be an id this API gave out (a UUID such as 0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54).`,
      },
    },
    options,
  );
}

/** A calendar day written YYYY-MM-DD, refused with a sentence naming it by `label` (the field's name unless given). */
export function IsDay(label?: string): PropertyDecorator {
  return ValidateBy({
    name: 'isDay',
    validator: {
      validate: (value: unknown) => dateProblem(value) === null,
      defaultMessage: ({ property, value }: ValidationArguments) => `${label ?? property} ${dateProblem(value)}.`,
    },
  });
}

/** A financial year (R15), refused with the sentence the decider refuses one with. */
export function IsFinancialYear(): PropertyDecorator {
  return ValidateBy({
    name: 'isFinancialYear',
    validator: {
      validate: (value: unknown) => isFinancialYear(value),
      defaultMessage: ({ value }: ValidationArguments) => financialYearProblem(JSON.stringify(value)),
    },
  });
}

/** A moment written as RFC 3339 has it (2026-11-01T09:30:00Z), on a day that exists. */
export function IsDateAndTime(): PropertyDecorator {
  return ValidateBy({
    name: 'isDateAndTime',
    validator: {
      validate: (value: unknown) => dateTimeProblem(value) === null,
      defaultMessage: ({ property, value }: ValidationArguments) => `${property} ${dateTimeProblem(value)}.`,
    },
  });
}

interface TextOptions {
  /** For optional text with an empty default (a summary, notes): empty is fine there, invisible is not. */
  readonly allowEmpty?: boolean;
  /** How the message names the field, e.g. "An area name"; the field's own name otherwise. */
  readonly label?: string;
}

/**
 * The name of the constraint that finds child-identifying data (R40). The ValidationPipe's
 * exception factory refuses input that fails it with IDENTIFYING_DATA rather than VALIDATION_FAILED.
 */
export const IDENTIFYING_DATA_CONSTRAINT = 'holdsNoIdentifyingData';

type Finder = (text: string) => IdentifyingData[];

const identifyingDataIn = (value: unknown, find: Finder) => (typeof value === 'string' ? find(value) : []);

/**
 * Text that identifies no child or family (R40): every free-text field, and anything else that is
 * recorded. A key the client made up is checked with `findAllIdentifyingDataInKey`, so a random
 * UUID is never refused for the digits it happens to hold.
 */
export function HoldsNoIdentifyingData({
  label,
  key = false,
}: Pick<TextOptions, 'label'> & { key?: boolean } = {}): PropertyDecorator {
  const find: Finder = key ? findAllIdentifyingDataInKey : findAllIdentifyingData;
  const context: IdentifyingDataContext = { find };
  return ValidateBy(
    {
      name: IDENTIFYING_DATA_CONSTRAINT,
      validator: {
        validate: (value: unknown) => identifyingDataIn(value, find).length === 0,
        defaultMessage: ({ property, value }: ValidationArguments) =>
          `${label ?? property} looks like it identifies a child or family (${joinedWithAnd(identifyingDataIn(value, find).map(({ description }) => description))}); the platform holds governance data only (R40).`,
      },
    },
    { context },
  );
}

/** Carried on each refusal by `HoldsNoIdentifyingData`: the check its field is held to. */
interface IdentifyingDataContext {
  readonly find: Finder;
}

/** Everything a field refused by `HoldsNoIdentifyingData` holds, found by the same check that refused it. */
export function identifyingDataFoundIn(error: ValidationError): IdentifyingData[] {
  const context = error.contexts?.[IDENTIFYING_DATA_CONSTRAINT] as IdentifyingDataContext | undefined;
  return context ? identifyingDataIn(error.value, context.find) : [];
}

/** Free text of at most `max` characters with at least one visible character, identifying nobody. */
function IsText(max: number, { allowEmpty = false, label }: TextOptions = {}): PropertyDecorator {
  const problem = (value: unknown) => (allowEmpty && value === '' ? null : textProblem(value, max));
  const isText = ValidateBy({
    name: 'isText',
    validator: {
      validate: (value: unknown) => problem(value) === null,
      defaultMessage: ({ property, value }: ValidationArguments) => `${label ?? property} ${problem(value)}.`,
    },
  });
  const holdsNoIdentifyingData = HoldsNoIdentifyingData({ label });
  return (target, property) => {
    isText(target, property);
    holdsNoIdentifyingData(target, property);
  };
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

/**
 * A web address people open from the platform (a report's link, where minutes were published): see
 * `isWebAddress`. Asked of the trimmed text, as `requireWebAddress` records it, so the API refuses
 * no address the domain would accept. An address is recorded like any text, so it too may not
 * identify a child or family (R40: in any field), e.g. by an NHS number in its path.
 */
export function IsWebAddress(): PropertyDecorator {
  const isAddress = ValidateBy({
    name: 'isWebAddress',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isWebAddress(value.trim()),
      defaultMessage: ({ property }: ValidationArguments) => `${property} must be an http or https address.`,
    },
  });
  const holdsNoIdentifyingData = HoldsNoIdentifyingData();
  return (target, property) => {
    isAddress(target, property);
    holdsNoIdentifyingData(target, property);
  };
}
