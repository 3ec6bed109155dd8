import { ApiClient } from '../api-client';
import { ANY, Choice } from '../components';

/** Every group's partners and representatives, former ones too: the history holds what they did. */
const PARTNERS_AND_PEOPLE = `{ regionalGroups(first: 100) { edges { node {
  partners(includeFormer: true) { id name current }
  representatives(includeFormer: true) { personId name partner { name } }
} } } }`;

interface Groups {
  regionalGroups: {
    edges: {
      node: {
        partners: { id: string; name: string; current: boolean }[];
        representatives: { personId: string; name: string; partner: { name: string } }[];
      };
    }[];
  };
}

/** The history filter's lists of partners and people, to pick from rather than type an id. */
export interface HistoryFilterChoices {
  partners: Choice[];
  people: Choice[];
}

/** Each value once, the first text given for it, in alphabetical order of text. */
function byText(choices: readonly Choice[]): Choice[] {
  const once = new Map<string, Choice>();
  for (const choice of choices) if (!once.has(choice.value)) once.set(choice.value, choice);
  return [...once.values()].sort((a, b) => a.text.localeCompare(b.text));
}

export async function historyFilterChoices(api: ApiClient): Promise<HistoryFilterChoices> {
  const groups = (await api.send<Groups>(PARTNERS_AND_PEOPLE)).regionalGroups.edges.map(({ node }) => node);
  return {
    partners: byText(
      groups.flatMap(({ partners }) =>
        partners.map(({ id, name, current }) => ({ value: id, text: current ? name : `${name} (former partner)` })),
      ),
    ),
    people: byText(
      groups.flatMap(({ representatives }) =>
        representatives.map(({ personId, name, partner }) => ({ value: personId, text: `${name}, ${partner.name}` })),
      ),
    ),
  };
}

/**
 * A list to pick from, with Any first; an id the address carries that the list does not hold (a link
 * to someone who is not a representative) is offered too, so following the link filters by it.
 */
export function withAddressed(choices: readonly Choice[], addressed: string | undefined): Choice[] {
  const id = addressed?.trim();
  const extra = id && !choices.some((choice) => choice.value === id) ? [{ value: id, text: `The id ${id}` }] : [];
  return [ANY, ...choices, ...extra];
}
