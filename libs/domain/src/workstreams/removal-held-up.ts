import { IsoDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { joinedWithAnd } from '../shared/text';
import { TaskReleased } from './workstream.state';

/**
 * The tasks of a member's that hold up their removal on `removedOn`: every one that was still theirs
 * and open after that day, however it stopped being so later (reassigned, completed, cancelled,
 * carried over), since every open task keeps an owner in the workstream on every day. In the order
 * they stopped being theirs; none when the removal may be dated `removedOn`.
 */
export function tasksHoldingUpRemoval(
  released: Readonly<Record<string, TaskReleased>> | undefined,
  removedOn: IsoDate,
): TaskReleased[] {
  return Object.values(released ?? {})
    .filter((task) => task.on > removedOn)
    .sort((a, b) => a.on.localeCompare(b.on) || a.title.localeCompare(b.title));
}

/**
 * A task that holds up a member's removal: one that stopped being theirs or open on `on`, or, with `on`
 * null, one theirs and open still.
 */
export type TaskHoldingUp = Omit<TaskReleased, 'on'> & Readonly<{ on: IsoDate | null }>;

/**
 * One task holding a removal up: since when it was theirs when that was after the day given (or, still
 * open, whenever known), and until when; by its title only when `named`.
 */
function heldBy(task: TaskHoldingUp, removedOn: IsoDate, named: boolean): string {
  if (task.on === null)
    return `${named ? `“${task.title}”` : 'a task'}${task.ownedSince !== null ? `, theirs since ${task.ownedSince}` : ''}`;
  const given = task.ownedSince !== null && task.ownedSince > removedOn ? `given them on ${task.ownedSince} and ` : '';
  return `${named ? `“${task.title}”,` : 'a task'} ${given}theirs and open until ${task.on}`;
}

/**
 * The refusal (OPEN_TASKS) of `name`'s removal on `removedOn`, which `tasks` (at least one) hold up,
 * each in `extensions.tasks` with the day it stopped being theirs or open (`until`, null while it is
 * still open). With one still open no day will do until it is reassigned (`extensions.earliest` null),
 * so the refusal is on the member (`field` personId); otherwise it is on the day (`field` removedOn),
 * `extensions.earliest` the first day the removal may be dated. Each task is named, with
 * its id, only when `named`: when the one removing may read the workstream's tasks (R43,
 * mayReadWorkstream); anyone else learns how many there were and their days, nothing they say.
 */
export function removalHeldUp(
  name: string,
  removedOn: IsoDate,
  tasks: readonly TaskHoldingUp[],
  named: boolean,
): DomainError {
  const listed = `${joinedWithAnd(tasks.map((task) => heldBy(task, removedOn, named)))}${named ? '' : ' (their titles are for those who may read the workstream’s tasks)'}`;
  const held = tasks.map(({ taskId, title, ownedSince, on }) =>
    named ? { taskId, title, ownedSince, until: on } : { ownedSince, until: on },
  );
  const onField = (field: 'personId' | 'removedOn', message: string, earliest: IsoDate | null) =>
    new DomainError('OPEN_TASKS', message, {
      field,
      problems: [{ field, sentence: message }],
      earliest,
      tasks: held,
    });
  if (tasks.some((task) => task.on === null)) {
    const owned = tasks.length === 1 ? '1 open task; reassign it' : `${tasks.length} open tasks; reassign them`;
    return onField('personId', `${name} owns ${owned} first: ${listed}.`, null);
  }
  const earliest = tasks.reduce((latest, task) => (task.on !== null && task.on > latest ? task.on : latest), removedOn);
  const owned = tasks.length === 1 ? 'a task' : `${tasks.length} tasks`;
  return onField(
    'removedOn',
    `${name} owned ${owned} still open after ${removedOn}, the day given for the removal: ${listed}. Remove them on or after ${earliest}.`,
    earliest,
  );
}
