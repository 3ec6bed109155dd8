import { ApiRefusal } from '../api-client';
import { FieldError, longDate } from '../components';

/** The audit filter's id fields, by the names the API gives them, as the page labels them. */
const ID_FIELDS: Readonly<Record<string, string>> = {
  entityId: 'entity id',
  personId: 'person id',
  partnerId: 'partner id',
};

/**
 * The API's refusal of the audit filter in the page's words: the window's dates as the page shows
 * dates, an id as the person would correct it; any other refusal as the API said it.
 */
export function historyFilterRefusal(error: ApiRefusal): FieldError {
  const { from, to } = error.details;
  // The page sends its filter as the query's `filter` argument; the API names a field by its path in it.
  const field = error.field?.replace(/^filter\./, '') ?? null;
  if (error.code === 'VALIDATION_FAILED' && typeof from === 'string' && typeof to === 'string') {
    return { field: 'from', text: `The start date, ${longDate(from)}, is after the end date, ${longDate(to)}` };
  }
  // Only a malformed id is refused on its field; an unknown one is the API's sentence below.
  if (error.code === 'NOT_FOUND' && field !== null && Object.hasOwn(ID_FIELDS, field)) {
    return {
      field,
      text: `Enter the ${ID_FIELDS[field]} as the platform shows it, like 0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54`,
    };
  }
  return { field: field && Object.hasOwn(ID_FIELDS, field) ? field : 'entityId', text: error.message };
}

/** The filter's fields as its address names them (a date by its three parts), as the page labels them. */
const ADDRESS_FIELDS: Readonly<Record<string, string>> = {
  ...ID_FIELDS,
  kind: 'kind of record',
  ...Object.fromEntries(
    ['from', 'to'].flatMap((date) => ['day', 'month', 'year'].map((part) => [`${date}-${part}`, `${date} date`])),
  ),
};

/**
 * What an edited address asks of the audit filter that its form cannot send, refused rather than
 * dropped (which would widen the history shown or exported): a field given more than once, and a
 * kind of record that `kinds`, the list offered, does not hold.
 */
export function filterAddressRefusals(
  query: Readonly<Record<string, unknown>>,
  kinds: readonly string[],
): FieldError[] {
  const twice = Object.keys(ADDRESS_FIELDS).filter(
    (name) => query[name] !== undefined && typeof query[name] !== 'string',
  );
  // A date is refused once, on the first of its parts given twice.
  const repeated = twice.filter(
    (name, index) => twice.findIndex((other) => ADDRESS_FIELDS[other] === ADDRESS_FIELDS[name]) === index,
  );
  const kind = query.kind;
  return [
    ...repeated.map((name) => ({
      // A date's day is its first field, whose id is the date's own.
      field: name.replace(/-day$/, ''),
      text: `Give the ${ADDRESS_FIELDS[name]} once: the address has it more than once`,
    })),
    ...(typeof kind === 'string' && kind !== '' && !kinds.includes(kind)
      ? [{ field: 'kind', text: 'Choose a kind of record from the list' }]
      : []),
  ];
}
