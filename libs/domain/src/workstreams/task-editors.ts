/** Who is on a workstream on the day it is seen: its lead and its members, by person id. */
export interface WorkstreamPeople {
  readonly leadId: string;
  readonly memberIds: readonly string[];
}

/**
 * W2: the lead changes any of the workstream's tasks, a member only those they own (or, adding one,
 * a task with no owner yet: `ownerId` null); nobody else changes them.
 */
export function mayChangeTask(people: WorkstreamPeople, personId: string, ownerId: string | null): boolean {
  if (people.leadId === personId) return true;
  return people.memberIds.includes(personId) && (ownerId === null || ownerId === personId);
}
