import { Decider, Message } from '../shared/decider';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { normaliseName } from '../shared/text';

export const regionalGroupStream = (groupId: string): string => `regional-group-${groupId}`;

export type Area = Readonly<{ areaId: string; name: string }>;

export type RegionalGroupEstablished = Message<
  'RegionalGroupEstablished',
  { groupId: string; name: string; areas: readonly Area[]; establishedAt: string }
>;
export type RegionalGroupEvent = RegionalGroupEstablished;

export type EstablishRegionalGroup = Message<
  'EstablishRegionalGroup',
  { groupId: string; name: string; areas: readonly Area[]; actor: Actor; now: string }
>;
export type RegionalGroupCommand = EstablishRegionalGroup;

export type RegionalGroupState =
  | Readonly<{ status: 'none' }>
  | Readonly<{ status: 'active'; groupId: string; name: string; areas: readonly Area[] }>;

export const regionalGroupDecider: Decider<RegionalGroupCommand, RegionalGroupEvent, RegionalGroupState> = {
  initialState: { status: 'none' },

  evolve(_state, event) {
    switch (event.type) {
      case 'RegionalGroupEstablished':
        return { status: 'active', groupId: event.data.groupId, name: event.data.name, areas: event.data.areas };
    }
  },

  decide(command, state) {
    switch (command.type) {
      case 'EstablishRegionalGroup':
        return establish(command, state);
    }
  },
};

function establish(command: EstablishRegionalGroup, state: RegionalGroupState): RegionalGroupEvent[] {
  const { actor, groupId, now } = command.data;
  if (!actor.roles.includes('ADMINISTRATOR')) {
    throw new DomainError('FORBIDDEN', 'Only an administrator can establish a regional group.', {
      requiredRole: 'ADMINISTRATOR',
    });
  }
  if (state.status !== 'none') {
    throw new DomainError('ALREADY_EXISTS', `The regional group ${groupId} already exists.`);
  }
  const name = normaliseName(command.data.name);
  if (name.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'A regional group needs a name.');
  }
  if (command.data.areas.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'A regional group covers at least one local area.');
  }
  const areas = command.data.areas.map((area) => ({ areaId: area.areaId, name: normaliseName(area.name) }));
  const seen = new Set<string>();
  for (const area of areas) {
    if (area.name.length === 0) {
      throw new DomainError('VALIDATION_FAILED', 'Every local area needs a name.');
    }
    const key = area.name.toLocaleLowerCase('en-GB');
    if (seen.has(key)) {
      throw new DomainError('VALIDATION_FAILED', `Each local area is named once, but "${area.name}" appears twice.`);
    }
    seen.add(key);
  }
  return [{ type: 'RegionalGroupEstablished', data: { groupId, name, areas, establishedAt: now } }];
}
