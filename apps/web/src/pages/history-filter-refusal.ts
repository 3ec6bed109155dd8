import { longDate } from '@app/domain';
import { ApiRefusal } from '../api-client';
import { Choice, FieldError } from '../components';

/** The audit filter's id fields, by the names the API gives them, as the page labels them. */
const ID_FIELDS: Readonly<Record<string, string>> = {
  entityId: 'entity id',
  personId: 'person id',
  partnerId: 'partner id',
};

/** The orders the history is read in, as the page offers them. */
export const HISTORY_ORDERS: readonly Choice[] = [
  { value: 'RECORDED', text: 'As recorded' },
  { value: 'HAPPENED', text: 'As it happened' },
];

/**
 * The API's refusal of the audit filter in the page's words: the window's dates as the page shows
 * dates, a window starting on a day still to come as GOV.UK words a date that must be past, an id
 * as the person would correct it, a next-events link of the other order on the order; any other
 * refusal as the API said it.
 */
export function historyFilterRefusal(error: ApiRefusal): FieldError {
  const { from, to, today, cursorOrder } = error.details;
  // The page sends its filter as the query's `filter` argument; the API names a field by its path in it.
  const field = error.field?.replace(/^filter\./, '') ?? null;
  if (error.code === 'VALIDATION_FAILED' && typeof from === 'string' && typeof to === 'string') {
    return { field: 'from', text: `The start date, ${longDate(from)}, is after the end date, ${longDate(to)}` };
  }
  if (error.code === 'VALIDATION_FAILED' && typeof from === 'string' && typeof today === 'string') {
    return { field: 'from', text: 'The from date must be today or in the past' };
  }
  const continued = HISTORY_ORDERS.find((order) => order.value === cursorOrder);
  if (field === 'after' && continued) {
    return {
      field: 'order',
      text: `The address goes on from a list shown ${continued.text.toLowerCase()}: show the history again to start from its first events`,
    };
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
  order: 'order',
  ...Object.fromEntries(
    ['from', 'to'].flatMap((date) => ['day', 'month', 'year'].map((part) => [`${date}-${part}`, `${date} date`])),
  ),
};

/** The address's fields whose value the form offers from a list, and what a value off the list is told. */
const LISTED_FIELDS = {
  kind: 'Choose a kind of record from the list',
  order: 'Choose an order from the list',
} as const;

/**
 * What an edited address asks of the audit filter that its form cannot send, refused rather than
 * dropped (which would widen the history shown or exported, or show it in another order): a field
 * given more than once, and a kind of record or an order that `offered`, the lists the form offers,
 * does not hold.
 */
export function filterAddressRefusals(
  query: Readonly<Record<string, unknown>>,
  offered: Readonly<Record<keyof typeof LISTED_FIELDS, readonly string[]>>,
): FieldError[] {
  const twice = Object.keys(ADDRESS_FIELDS).filter(
    (name) => query[name] !== undefined && typeof query[name] !== 'string',
  );
  // A date is refused once, on the first of its parts given twice.
  const repeated = twice.filter(
    (name, index) => twice.findIndex((other) => ADDRESS_FIELDS[other] === ADDRESS_FIELDS[name]) === index,
  );
  const offList = (Object.keys(LISTED_FIELDS) as (keyof typeof LISTED_FIELDS)[]).filter((name) => {
    const value = query[name];
    return typeof value === 'string' && value !== '' && !offered[name].includes(value);
  });
  return [
    ...repeated.map((name) => ({
      // A date's day is its first field, whose id is the date's own.
      field: name.replace(/-day$/, ''),
      text: `Give the ${ADDRESS_FIELDS[name]} once: the address has it more than once`,
    })),
    ...offList.map((field) => ({ field, text: LISTED_FIELDS[field] })),
  ];
}
