import { WorkstreamPeople } from './task-editors';

/**
 * W1: a workstream's status is reported by its lead on the day, and by nobody else: not a member,
 * and not the chair or an administrator, who may manage its people but do not speak for its work.
 */
export function mayReportStatus(people: WorkstreamPeople, personId: string): boolean {
  return people.leadId === personId;
}
