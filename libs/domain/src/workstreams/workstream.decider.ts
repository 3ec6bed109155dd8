import { DayBound, DayField, dayItHappened, inField } from '../audit/day-it-happened';
import { Decider } from '../shared/decider';
import { groupDateOf, IsoDate, requireDate, requireNotBefore } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { Actor } from '../shared/roles';
import { normaliseName, requireText } from '../shared/text';
import { AddTask, CommissionWorkstream, GroupPartner, WorkstreamCommandUnion } from './workstream.commands';
import { leadPartnerOn } from './lead-partner';
import { OPEN_TASK_STATUSES, TaskRecord, TaskStatus, WorkstreamEvent } from './workstream.events';
import { mayChangeTask, WorkstreamPeople } from './task-editors';
import { mayReportStatus } from './status-reporter';
import { isGroupOfficer, mayManageMembers } from './member-managers';
import { removalHeldUp, tasksHoldingUpRemoval } from './removal-held-up';
import { takesChanges } from './takes-changes';
import {
  evolveWorkstream,
  isLead,
  Workstream,
  WorkstreamMember,
  TaskOwners,
  WorkstreamState,
} from './workstream.state';

/** mayManageMembers, refused with who may. */
function requireManager(workstream: Workstream, actor: Actor, action: string): void {
  if (mayManageMembers(peopleOn(workstream), actor)) return;
  throw new DomainError('FORBIDDEN', `Only the workstream's lead, the chair or an administrator can ${action}.`, {
    requiredRole: 'workstream LEAD, CHAIR or ADMINISTRATOR',
  });
}

const peopleOn = (workstream: Workstream): WorkstreamPeople => ({
  leadId: workstream.lead.personId,
  memberIds: Object.keys(workstream.members),
});

/** W2 (mayChangeTask), refused with why: a member is told they change only their own. */
function requireTaskEditor(workstream: Workstream, actor: Actor, task: TaskRecord | null): void {
  if (mayChangeTask(peopleOn(workstream), actor.personId, task?.ownerId ?? null)) return;
  const member = workstream.members[actor.personId] !== undefined;
  throw new DomainError(
    'FORBIDDEN',
    member
      ? 'A member changes only the tasks they own; the lead changes any.'
      : "Only the workstream's lead and members change its tasks.",
    { requiredRole: member ? 'workstream LEAD or the task owner' : 'workstream LEAD or MEMBER' },
  );
}

/**
 * W1: the lead partner is a core partner of the group on `day` (`which` day that is, for the
 * sentence); one already succeeded by then is refused with its successor's name, which leads for it.
 */
function requireLeadPartner(
  partners: readonly GroupPartner[],
  leadPartnerId: string,
  day: IsoDate,
  which: string,
): void {
  const named = partners.find((partner) => partner.partnerId === leadPartnerId);
  if (!named) throw new DomainError('NOT_FOUND', `The group has no core partner ${leadPartnerId}.`);
  const leading = leadPartnerOn(partners, leadPartnerId, day);
  if (leading.corePartner && leading.partnerId === leadPartnerId) return;
  // A successor is named only when it could be named instead: a core partner that day.
  const successor = leading.corePartner
    ? partners.find((partner) => partner.partnerId === leading.partnerId)
    : undefined;
  const noticeEffectiveOn = leading.noticeEffectiveOn;
  // A successor leaving under its notice is named with it: it leads for the named partner, so its notice is why.
  const leaving =
    noticeEffectiveOn && leading.partnerId !== leadPartnerId
      ? partners.find((partner) => partner.partnerId === leading.partnerId)
      : undefined;
  throw new DomainError(
    'NOT_A_CORE_PARTNER',
    successor
      ? `${named.name} had been succeeded by ${successor.name} by ${day}, ${which}: name ${successor.name} as the lead partner.`
      : leaving
        ? `${named.name} had been succeeded by ${leaving.name}, which has given notice to leave the group, taking effect on ${noticeEffectiveOn}: it is no core partner from that day, so it cannot lead from ${day}, ${which}.`
        : noticeEffectiveOn
          ? `${named.name} has given notice to leave the group, taking effect on ${noticeEffectiveOn}: it is no core partner from that day, so it cannot lead from ${day}, ${which}.`
          : `${named.name} was not a core partner of the group on ${day}, ${which}.`,
    {
      partnerId: leadPartnerId,
      on: day,
      successorId: (successor ?? leaving)?.partnerId ?? null,
      effectiveOn: noticeEffectiveOn,
    },
  );
}

/**
 * W1: a lead partner named on `changedOn` is a core partner on the day it starts leading: that day,
 * or the workstream's start day when the change comes before it.
 */
function requireNewLeadPartner(
  workstream: Workstream,
  partners: readonly GroupPartner[],
  leadPartnerId: string,
  changedOn: IsoDate,
): void {
  if (workstream.startDate > changedOn) {
    requireLeadPartner(partners, leadPartnerId, workstream.startDate, 'the day the workstream starts');
  } else {
    requireLeadPartner(partners, leadPartnerId, changedOn, 'the day the lead changes');
  }
}

/**
 * A task's due date: a day, not before `set`, the day it was set (a task due before then would be
 * overdue from the start); refused in the `dueDate` field.
 */
function requireDueDate(dueDate: string, set: DayBound): void {
  inField('dueDate', () => {
    requireDate(dueDate, 'The due date');
    requireNotBefore(dueDate, set.on, 'The due date', set.what);
  });
}

/**
 * A task's owner is the lead or a member of `people` (`which` workstream, for the sentence); a member
 * owns it from no earlier than the day they joined.
 */
function requireOwnerCandidate(people: TaskOwners, personId: string, which = 'the workstream'): DayBound[] {
  if (people.lead.personId === personId) return [];
  const member = people.members[personId];
  if (!member) throw new DomainError('VALIDATION_FAILED', `A task is owned by the lead or a member of ${which}.`);
  return [{ on: member.addedOn, what: `${member.name} joined ${which}` }];
}

/**
 * The day something happened to the workstream (dayItHappened): the day given, or today, never
 * before the workstream's first day nor before `bounds` (a task's last change, its owner joining).
 */
function dayIn(
  workstream: Workstream,
  given: string | null | undefined,
  now: string,
  day: DayField,
  bounds: readonly DayBound[] = [],
): IsoDate {
  return dayItHappened(given, now, day, {
    notBefore: [{ on: workstream.since, what: "the workstream's first day" }, ...bounds],
  });
}

/** The day a task changed: not before it was added here, nor before its last change, nor before `more`. */
function taskChangedOn(
  workstream: Workstream,
  task: TaskRecord,
  given: string | null | undefined,
  now: string,
  more: readonly DayBound[] = [],
): IsoDate {
  return dayIn(workstream, given, now, { field: 'changedOn', label: 'The day the task changed' }, [
    ...taskBounds(workstream, task),
    ...more,
  ]);
}

/** A task changes no earlier than it was added here, nor than its last change (its arrival, for one carried in). */
function taskBounds(workstream: Workstream, task: TaskRecord): DayBound[] {
  const days = workstream.taskDays[task.taskId];
  if (!days) return [];
  const last = { on: days.changedOn, what: 'the task last changed' };
  return days.addedOn === null ? [last] : [{ on: days.addedOn, what: 'the task was added' }, last];
}

function requireTask(workstream: Workstream, taskId: string): TaskRecord {
  const task = workstream.tasks[taskId];
  if (!task) throw new DomainError('NOT_FOUND', 'The workstream has no such task.');
  return task;
}

function requireStatus(task: TaskRecord, allowed: readonly TaskStatus[], action: string): void {
  if (!allowed.includes(task.status)) {
    throw new DomainError(
      'INVALID_TASK_STATE',
      `A task that is ${task.status.replace('_', ' ').toLowerCase()} cannot be ${action}.`,
    );
  }
}

export const workstreamDecider: Decider<WorkstreamCommandUnion, WorkstreamEvent, WorkstreamState> = {
  initialState: { status: 'NONE' },
  evolve: evolveWorkstream,
  decide(command, state) {
    if (command.type === 'CommissionWorkstream') return commission(command, state);
    if (state.status === 'NONE') throw new DomainError('NOT_FOUND', 'There is no such workstream.');
    if (!takesChanges(state.status)) throw new DomainError('WORKSTREAM_CLOSED', 'The workstream is closed.');
    return decideForWorkstream(command, state);
  },
};

function commission(command: CommissionWorkstream, state: WorkstreamState): WorkstreamEvent[] {
  const {
    actor,
    workstreamId,
    groupId,
    kind,
    leadPartnerId,
    lead,
    areaIds,
    startDate,
    endDate,
    scopeDecisionId,
    group,
  } = command.data;
  if (!isGroupOfficer(actor)) {
    throw new DomainError('FORBIDDEN', 'Only an administrator or the chair commissions a workstream.', {
      requiredRole: 'ADMINISTRATOR or CHAIR',
    });
  }
  if (state.status !== 'NONE') throw new DomainError('ALREADY_EXISTS', 'That workstream is already commissioned.');
  if (group.dissolved) throw new DomainError('GROUP_DISSOLVED', 'The regional group has been dissolved.');
  if (!['STANDING', 'TASK_AND_FINISH'].includes(kind))
    throw new DomainError('VALIDATION_FAILED', 'A workstream is STANDING or TASK_AND_FINISH.');
  if (!lead) throw new DomainError('NOT_FOUND', 'The platform knows nobody with that lead person id.');
  requireDate(startDate, 'The start date');
  requireLeadPartner(group.partners, leadPartnerId, startDate, 'the day the workstream starts');
  const today = groupDateOf(command.data.now);
  if (kind === 'TASK_AND_FINISH') {
    if (!endDate) throw new DomainError('VALIDATION_FAILED', 'A task-and-finish group has an end date.');
    requireDate(endDate, 'The end date');
    if (endDate <= startDate) throw new DomainError('VALIDATION_FAILED', 'The end date comes after the start date.');
  } else if (endDate) {
    throw new DomainError('VALIDATION_FAILED', 'A standing group has no end date.');
  }
  const ids = [...new Set(areaIds)];
  if (ids.length === 0) throw new DomainError('VALIDATION_FAILED', 'A workstream concerns at least one area.');
  const areas = group.areas.filter((area) => ids.includes(area.areaId));
  if (areas.length !== ids.length)
    throw new DomainError('NOT_FOUND', 'Some of those areas are not areas of the group.');
  // R11: sub-regional work is out of scope unless the group agreed it at a quorate meeting.
  if (areas.length < group.areas.length && !(scopeDecisionId && group.scopeDecisionAgreed)) {
    throw new DomainError(
      'OUT_OF_SCOPE',
      'Work for part of the region needs the group’s agreement: give the id of the decision of a quorate meeting that agreed it.',
    );
  }
  return [
    {
      type: 'WorkstreamCommissioned',
      data: {
        workstreamId,
        groupId,
        name: requireText(normaliseName(command.data.name), 'The name'),
        kind,
        purpose: requireText(command.data.purpose, 'The purpose'),
        termsOfReference: command.data.termsOfReference.trim(),
        leadPartnerId,
        lead,
        areas,
        startDate,
        endDate: kind === 'TASK_AND_FINISH' ? endDate : null,
        scopeDecisionId: areas.length < group.areas.length ? scopeDecisionId : null,
        // One commissioned to start later exists, to take its members and tasks, from today.
        commissionedOn: startDate < today ? startDate : today,
      },
    },
  ];
}

function addTask(command: AddTask, workstream: Workstream): WorkstreamEvent[] {
  const { actor, taskId, ownerId, dueDate, now } = command.data;
  requireTaskEditor(workstream, actor, null);
  if (workstream.tasks[taskId] || workstream.carriedOut.includes(taskId))
    throw new DomainError('ALREADY_EXISTS', 'That task already exists.');
  const ownerJoined = requireOwnerCandidate(workstream, ownerId);
  // W2 once more, now for the owner named: a member, let in above, adds tasks for themself only.
  if (!mayChangeTask(peopleOn(workstream), actor.personId, ownerId)) {
    throw new DomainError('FORBIDDEN', 'A member adds tasks for themself; the lead assigns them to others.', {
      requiredRole: 'workstream LEAD',
    });
  }
  const addedOn = dayIn(
    workstream,
    command.data.addedOn,
    now,
    { field: 'addedOn', label: 'The day the task was added' },
    ownerJoined,
  );
  requireDueDate(dueDate, { on: addedOn, what: 'the day the task was added' });
  return [
    {
      type: 'TaskAdded',
      data: {
        taskId,
        title: requireText(normaliseName(command.data.title), 'The title'),
        description: command.data.description.trim(),
        ownerId,
        dueDate,
        addedOn,
      },
    },
  ];
}

/** A former lead who owns open tasks stays on as a member from the day of the change, so they can still change them. */
function changeLead(
  workstream: Workstream,
  leadPartnerId: string,
  lead: { personId: string; name: string },
  changedOn: IsoDate,
): WorkstreamEvent[] {
  const former = workstream.lead;
  const events: WorkstreamEvent[] = [];
  if (lead.personId !== former.personId) {
    const ownsOpen = Object.values(workstream.tasks).some(
      (t) => t.ownerId === former.personId && OPEN_TASK_STATUSES.includes(t.status),
    );
    if (ownsOpen && !workstream.members[former.personId])
      events.push({ type: 'WorkstreamMemberAdded', data: { ...former, addedOn: changedOn } });
  }
  return [...events, { type: 'WorkstreamLeadChanged', data: { leadPartnerId, lead, changedOn } }];
}

/**
 * A member leaves on `removedOn`: not before the workstream's first day nor the day they were last
 * added. A task they own that is open, or one of theirs that stopped being theirs or open after that
 * day (reassigned, completed, cancelled or carried over later), holds the removal up (OPEN_TASKS):
 * every open task keeps an owner in the workstream on every day.
 */
function removeMember(
  workstream: Workstream,
  member: WorkstreamMember,
  given: string | null | undefined,
  now: string,
  actorMayReadTasks: boolean,
): WorkstreamEvent[] {
  const removedOn = dayIn(workstream, given, now, { field: 'removedOn', label: 'The day the member was removed' }, [
    { on: member.addedOn, what: `${member.name} was added to the workstream` },
  ]);
  const open = Object.values(workstream.tasks)
    .filter((t) => t.ownerId === member.personId && OPEN_TASK_STATUSES.includes(t.status))
    .map(({ taskId, title }) => ({
      taskId,
      title,
      ownedSince: workstream.taskDays[taskId]?.ownedSince ?? null,
      on: null,
    }));
  if (open.length > 0) throw removalHeldUp(member.name, removedOn, open, actorMayReadTasks);
  const holdingUp = tasksHoldingUpRemoval(workstream.released[member.personId], removedOn);
  if (holdingUp.length > 0) throw removalHeldUp(member.name, removedOn, holdingUp, actorMayReadTasks);
  return [{ type: 'WorkstreamMemberRemoved', data: { personId: member.personId, removedOn } }];
}

function decideForWorkstream(
  command: Exclude<WorkstreamCommandUnion, CommissionWorkstream>,
  workstream: Workstream,
): WorkstreamEvent[] {
  const { actor, now } = command.data;
  switch (command.type) {
    case 'AddWorkstreamMember': {
      requireManager(workstream, actor, 'add members');
      if (!command.data.member)
        throw new DomainError('NOT_FOUND', `The platform knows nobody with person id ${command.data.personId}.`);
      if (workstream.members[command.data.personId] || isLead(workstream, command.data.personId)) {
        throw new DomainError('ALREADY_EXISTS', `${command.data.member.name} is already in the workstream.`);
      }
      const removedOn = workstream.removedOn[command.data.personId];
      const addedOn = dayIn(
        workstream,
        command.data.addedOn,
        now,
        { field: 'addedOn', label: 'The day the member was added' },
        removedOn ? [{ on: removedOn, what: `${command.data.member.name} was last removed from the workstream` }] : [],
      );
      return [{ type: 'WorkstreamMemberAdded', data: { ...command.data.member, addedOn } }];
    }
    case 'RemoveWorkstreamMember': {
      requireManager(workstream, actor, 'remove members');
      const member = workstream.members[command.data.personId];
      if (!member) throw new DomainError('NOT_FOUND', 'That person is not a member of the workstream.');
      return removeMember(workstream, member, command.data.removedOn, now, command.data.actorMayReadTasks);
    }
    case 'ChangeWorkstreamLead': {
      requireManager(workstream, actor, 'change the lead');
      if (!command.data.lead)
        throw new DomainError('NOT_FOUND', `The platform knows nobody with person id ${command.data.personId}.`);
      const changedOn = dayIn(
        workstream,
        command.data.changedOn,
        now,
        { field: 'changedOn', label: 'The day the lead changed' },
        [
          { on: workstream.leadSince, what: 'the lead last changed' },
          ...(workstream.reportedOn
            ? [{ on: workstream.reportedOn, what: `${workstream.lead.name}, the lead, last reported its status` }]
            : []),
        ],
      );
      requireNewLeadPartner(workstream, command.data.partners, command.data.leadPartnerId, changedOn);
      return changeLead(workstream, command.data.leadPartnerId, command.data.lead, changedOn);
    }
    case 'ReportWorkstreamStatus':
      if (!mayReportStatus(peopleOn(workstream), actor.personId)) {
        throw new DomainError('FORBIDDEN', "The workstream's status is reported by its lead (W1).", {
          requiredRole: 'workstream LEAD',
        });
      }
      if (!['RED', 'AMBER', 'GREEN'].includes(command.data.rag))
        throw new DomainError('VALIDATION_FAILED', 'The status is RED, AMBER or GREEN.');
      return [
        {
          type: 'WorkstreamStatusReported',
          data: {
            rag: command.data.rag,
            note: requireText(command.data.note, 'The note'),
            reportedOn: dayIn(workstream, command.data.reportedOn, now, {
              field: 'reportedOn',
              label: 'The day the status was reported',
            }),
          },
        },
      ];
    case 'AddTask':
      return addTask(command, workstream);
    case 'StartTask': {
      const task = requireTask(workstream, command.data.taskId);
      requireTaskEditor(workstream, actor, task);
      requireStatus(task, ['TO_DO'], 'started');
      const changedOn = taskChangedOn(workstream, task, command.data.changedOn, now);
      return [{ type: 'TaskStarted', data: { taskId: task.taskId, changedOn } }];
    }
    case 'BlockTask': {
      const task = requireTask(workstream, command.data.taskId);
      requireTaskEditor(workstream, actor, task);
      requireStatus(task, ['TO_DO', 'IN_PROGRESS'], 'blocked');
      const reason = requireText(command.data.reason, 'The reason it is blocked');
      const changedOn = taskChangedOn(workstream, task, command.data.changedOn, now);
      return [{ type: 'TaskBlocked', data: { taskId: task.taskId, reason, changedOn } }];
    }
    case 'UnblockTask': {
      const task = requireTask(workstream, command.data.taskId);
      requireTaskEditor(workstream, actor, task);
      requireStatus(task, ['BLOCKED'], 'unblocked');
      const changedOn = taskChangedOn(workstream, task, command.data.changedOn, now);
      return [{ type: 'TaskUnblocked', data: { taskId: task.taskId, changedOn } }];
    }
    case 'CompleteTask': {
      const task = requireTask(workstream, command.data.taskId);
      requireTaskEditor(workstream, actor, task);
      requireStatus(task, ['TO_DO', 'IN_PROGRESS'], 'completed');
      const changedOn = taskChangedOn(workstream, task, command.data.changedOn, now);
      return [{ type: 'TaskCompleted', data: { taskId: task.taskId, changedOn } }];
    }
    case 'CancelTask': {
      const task = requireTask(workstream, command.data.taskId);
      requireTaskEditor(workstream, actor, task);
      requireStatus(task, OPEN_TASK_STATUSES, 'cancelled');
      const reason = requireText(command.data.reason, 'The reason for cancelling');
      const changedOn = taskChangedOn(workstream, task, command.data.changedOn, now);
      return [{ type: 'TaskCancelled', data: { taskId: task.taskId, reason, changedOn } }];
    }
    case 'ReassignTask': {
      const task = requireTask(workstream, command.data.taskId);
      requireTaskEditor(workstream, actor, task);
      requireStatus(task, OPEN_TASK_STATUSES, 'reassigned');
      const ownerJoined = requireOwnerCandidate(workstream, command.data.ownerId);
      const changedOn = taskChangedOn(workstream, task, command.data.changedOn, now, ownerJoined);
      return [{ type: 'TaskReassigned', data: { taskId: task.taskId, ownerId: command.data.ownerId, changedOn } }];
    }
    case 'ChangeTaskDueDate': {
      const task = requireTask(workstream, command.data.taskId);
      requireTaskEditor(workstream, actor, task);
      requireStatus(task, OPEN_TASK_STATUSES, 'given a new due date');
      const changedOn = taskChangedOn(workstream, task, command.data.changedOn, now);
      requireDueDate(command.data.dueDate, { on: changedOn, what: 'the day it was changed' });
      return [
        {
          type: 'TaskDueDateChanged',
          data: {
            taskId: task.taskId,
            dueDate: command.data.dueDate,
            reason: requireText(command.data.reason, 'The reason'),
            changedOn,
          },
        },
      ];
    }
    case 'CarryTaskOut': {
      requireManager(workstream, actor, 'carry a task over');
      const task = requireTask(workstream, command.data.taskId);
      requireStatus(task, OPEN_TASK_STATUSES, 'carried over');
      const { target, toWorkstreamId } = command.data;
      if (toWorkstreamId === workstream.workstreamId)
        throw new DomainError('VALIDATION_FAILED', 'A task is carried to another workstream.');
      if (target.groupId === '')
        throw new DomainError('NOT_FOUND', `No workstream has the id ${toWorkstreamId} to carry the task to.`);
      if (target.groupId !== workstream.groupId)
        throw new DomainError('VALIDATION_FAILED', 'A task is carried to a workstream of the same group.');
      if (!target.open) throw new DomainError('WORKSTREAM_CLOSED', 'The workstream the task would go to is closed.');
      if (target.knowsTask)
        throw new DomainError('ALREADY_EXISTS', 'The other workstream already has a task with that id.');
      if (target.lead.personId !== task.ownerId && !target.members[task.ownerId]) {
        throw new DomainError(
          'VALIDATION_FAILED',
          "The task's owner is not in the other workstream: add them as a member there, or reassign the task first.",
        );
      }
      const changedOn = taskChangedOn(workstream, task, command.data.changedOn, now, [
        { on: target.since, what: 'the first day of the workstream it goes to' },
        ...requireOwnerCandidate(target, task.ownerId, 'the workstream it goes to'),
      ]);
      return [{ type: 'TaskCarriedOut', data: { taskId: task.taskId, toWorkstreamId, task, changedOn } }];
    }
    case 'CarryTaskIn':
      if (!command.data.carriedOutHere) {
        throw new DomainError(
          'VALIDATION_FAILED',
          'A task arrives only after its own workstream has recorded it leaving for this one.',
        );
      }
      if (workstream.tasks[command.data.task.taskId] || workstream.carriedOut.includes(command.data.task.taskId)) {
        throw new DomainError('ALREADY_EXISTS', 'That task is already in the workstream.');
      }
      return [
        {
          type: 'TaskCarriedIn',
          data: {
            task: command.data.task,
            fromWorkstreamId: command.data.fromWorkstreamId,
            changedOn: command.data.changedOn,
          },
        },
      ];
    case 'CloseWorkstream': {
      requireManager(workstream, actor, 'close the workstream');
      if (workstream.kind !== 'TASK_AND_FINISH')
        throw new DomainError('VALIDATION_FAILED', 'Only a task-and-finish group closes; a standing group continues.');
      const open = Object.values(workstream.tasks).filter((t) => OPEN_TASK_STATUSES.includes(t.status));
      if (open.length > 0) {
        throw new DomainError(
          'OPEN_TASKS',
          open.length === 1
            ? '1 task is still open: complete, cancel or carry it over first (W3).'
            : `${open.length} tasks are still open: complete, cancel or carry them over first (W3).`,
          {
            openTaskIds: open.map((t) => t.taskId),
          },
        );
      }
      const outcomeReport = requireText(command.data.outcomeReport, 'The outcome report');
      const closedOn = dayIn(
        workstream,
        command.data.closedOn,
        now,
        { field: 'closedOn', label: 'The day the workstream closed' },
        [workstream.lastChange],
      );
      return [{ type: 'WorkstreamClosed', data: { outcomeReport, closedOn } }];
    }
  }
}
