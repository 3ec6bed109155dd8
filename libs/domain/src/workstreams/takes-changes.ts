import { Workstream } from './workstream.state';

/**
 * W3: a closed workstream's record is final, its outcome reported: it takes no new tasks, task
 * changes, status reports or people; only an active one does. Its status as it stands on the day asked.
 */
export function takesChanges(status: Workstream['status']): boolean {
  return status === 'ACTIVE';
}
