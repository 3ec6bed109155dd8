import { IsoDate } from '../shared/dates';
import { OPEN_TASK_STATUSES } from './workstream.events';

/** W2 on `date`: an open task whose due date has passed. */
export function isTaskOverdue(task: Readonly<{ status: string; dueDate: IsoDate }>, date: IsoDate): boolean {
  return (OPEN_TASK_STATUSES as readonly string[]).includes(task.status) && task.dueDate < date;
}
