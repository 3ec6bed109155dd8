import { fold } from '../shared/decider';
import { Actor } from '../shared/roles';
import {
  administrator,
  meetingChair,
  representativeOf,
  REPRESENTATIVES,
  runningWorkstream,
  stranger,
  taskAdded,
  workstreamCommand,
  workstreamCommissioned,
  workstreamMemberAdded,
  workstreamToday,
  workstreamMemberRemoved,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { WorkstreamCommandUnion } from './workstream.commands';
import { workstreamDecider } from './workstream.decider';
import { TaskRecord, TaskStatus, WorkstreamEvent } from './workstream.events';
import { Workstream } from './workstream.state';

const spec = specification(workstreamDecider);
const { chrisSivers, sheilaSmith, sandraCorry, willWhite } = REPRESENTATIVES;

/** Will White leads the procedures group; Chris Sivers and Sheila Smith are members; Sandra Corry is not in it. */
const lead = representativeOf(willWhite);
const chris = representativeOf(chrisSivers);
const sheila = representativeOf(sheilaSmith);
const sandra = representativeOf(sandraCorry);

const TASK = 'task-1';
/** The task of the fixture as a command given no day records it: added today. */
/** Added today, due a month later. */
const addedToday = (overrides: Parameters<typeof taskAdded>[0] = {}) =>
  taskAdded({ addedOn: workstreamToday, dueDate: '2020-04-30', ...overrides });
const addTask = (
  overrides: {
    taskId?: string;
    title?: string;
    description?: string;
    ownerId?: string;
    dueDate?: string;
    addedOn?: string;
    actor?: Actor;
  } = {},
) =>
  workstreamCommand('AddTask', {
    taskId: TASK,
    title: "Map the five areas' child protection procedures",
    description: 'One table: procedure, owner, last review, differences from the others.',
    ownerId: chrisSivers.personId,
    dueDate: '2020-04-30',
    actor: lead,
    ...overrides,
  });

const start = (actor: Actor = chris, taskId = TASK) => workstreamCommand('StartTask', { taskId, actor });
const block = (actor: Actor = chris, reason = 'Waiting for the Somerset procedures.', taskId = TASK) =>
  workstreamCommand('BlockTask', { taskId, reason, actor });
const unblock = (actor: Actor = chris, taskId = TASK) => workstreamCommand('UnblockTask', { taskId, actor });
const complete = (actor: Actor = chris, taskId = TASK) => workstreamCommand('CompleteTask', { taskId, actor });
const cancel = (actor: Actor = chris, reason = 'Superseded by the national procedures.', taskId = TASK) =>
  workstreamCommand('CancelTask', { taskId, reason, actor });
const reassign = (actor: Actor = chris, ownerId: string = sheilaSmith.personId, taskId = TASK) =>
  workstreamCommand('ReassignTask', { taskId, ownerId, actor });
const changeDue = (
  actor: Actor = chris,
  dueDate = '2020-04-30',
  reason = 'Somerset needs another month.',
  taskId = TASK,
) => workstreamCommand('ChangeTaskDueDate', { taskId, dueDate, reason, actor });

const started = (taskId = TASK): WorkstreamEvent => ({
  type: 'TaskStarted',
  data: { taskId, changedOn: workstreamToday },
});
const blocked = (reason = 'Waiting for the Somerset procedures.', taskId = TASK): WorkstreamEvent => ({
  type: 'TaskBlocked',
  data: { taskId, reason, changedOn: workstreamToday },
});
const unblocked = (taskId = TASK): WorkstreamEvent => ({
  type: 'TaskUnblocked',
  data: { taskId, changedOn: workstreamToday },
});
const completed = (taskId = TASK): WorkstreamEvent => ({
  type: 'TaskCompleted',
  data: { taskId, changedOn: workstreamToday },
});
const cancelled = (reason = 'Superseded by the national procedures.', taskId = TASK): WorkstreamEvent => ({
  type: 'TaskCancelled',
  data: { taskId, reason, changedOn: workstreamToday },
});
const reassigned = (ownerId: string = sheilaSmith.personId, taskId = TASK): WorkstreamEvent => ({
  type: 'TaskReassigned',
  data: { taskId, ownerId, changedOn: workstreamToday },
});
const dueChanged = (
  dueDate = '2020-04-30',
  reason = 'Somerset needs another month.',
  taskId = TASK,
): WorkstreamEvent => ({
  type: 'TaskDueDateChanged',
  data: { taskId, dueDate, reason, changedOn: workstreamToday },
});

/** The events that bring a task from its adding to `status`. */
const toStatus: Record<TaskStatus, WorkstreamEvent[]> = {
  TO_DO: [],
  IN_PROGRESS: [started()],
  BLOCKED: [started(), blocked()],
  DONE: [started(), completed()],
  CANCELLED: [cancelled()],
};
/** The procedures group with task-1, owned by Chris Sivers, in `status`. */
const withTask = (status: TaskStatus, ownerId: string = chrisSivers.personId): WorkstreamEvent[] => [
  ...runningWorkstream,
  taskAdded({ ownerId }),
  ...toStatus[status],
];

const refusal = spec.refusal;

function taskAfter(events: readonly WorkstreamEvent[], taskId = TASK): TaskRecord {
  const state = fold(workstreamDecider, events) as Workstream;
  return state.tasks[taskId];
}

describe('Adding a task (W2)', () => {
  it('is recorded by the lead for a member, with its title, description, owner and due date', () => {
    spec.given(runningWorkstream).when(addTask()).then([addedToday()]);
  });

  it('is recorded by the lead for themself', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ ownerId: willWhite.personId }))
      .then([addedToday({ ownerId: 'will-white' })]);
  });

  it('is recorded by a member for themself', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ ownerId: 'sheila-smith', actor: sheila }))
      .then([addedToday({ ownerId: 'sheila-smith' })]);
  });

  it('puts the task in TO_DO with no reason for blocking', () => {
    expect(taskAfter([...runningWorkstream, taskAdded()])).toEqual({
      taskId: TASK,
      title: "Map the five areas' child protection procedures",
      description: 'One table: procedure, owner, last review, differences from the others.',
      ownerId: 'chris-sivers',
      dueDate: '2020-03-31',
      status: 'TO_DO',
      blockedReason: null,
    });
  });

  it('records the title without surrounding or doubled white space, and the description trimmed or empty', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ title: "  Map the five   areas' child protection procedures ", description: '   ' }))
      .then([addedToday({ description: '' })]);
    spec
      .given(runningWorkstream)
      .when(addTask({ description: ' One table: procedure, owner, last review, differences from the others.\n' }))
      .then([addedToday()]);
  });

  it('is refused to a member adding a task for another member (FORBIDDEN: the lead assigns tasks to others)', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ ownerId: 'chris-sivers', actor: sheila }))
      .thenFails('FORBIDDEN', /A member adds tasks for themself; the lead assigns them to others/);
    expect(refusal(runningWorkstream, addTask({ ownerId: 'chris-sivers', actor: sheila })).details).toEqual({
      requiredRole: 'workstream LEAD',
    });
  });

  it('is refused to a member adding a task for the lead', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ ownerId: 'will-white', actor: sheila }))
      .thenFails('FORBIDDEN', /the lead assigns them to others/);
  });

  it.each([
    ['a representative outside the workstream, even for themself', sandra, 'sandra-corry'],
    ['the chair, who is not in it', meetingChair, 'chris-sivers'],
    ['the administrator, who is not in it', administrator, 'chris-sivers'],
    ['a stranger', stranger, 'chris-sivers'],
  ])(
    'is refused to %s (FORBIDDEN: only the lead and members change its tasks)',
    (_who, actor: Actor, ownerId: string) => {
      spec
        .given(runningWorkstream)
        .when(addTask({ actor, ownerId }))
        .thenFails('FORBIDDEN', /Only the workstream's lead and members change its tasks/);
      expect(refusal(runningWorkstream, addTask({ actor, ownerId })).details).toEqual({
        requiredRole: 'workstream LEAD or MEMBER',
      });
    },
  );

  it.each([
    ['a representative outside the workstream', 'sandra-corry'],
    ['the chair, who is not in it', 'jacqui-jensen'],
    ['someone the platform does not know', 'nobody'],
  ])('is refused for an owner who is %s', (_who, ownerId) => {
    spec
      .given(runningWorkstream)
      .when(addTask({ ownerId }))
      .thenFails('VALIDATION_FAILED', /A task is owned by the lead or a member of the workstream/);
  });

  it('is refused for an owner who has been removed from the workstream', () => {
    spec
      .given([...runningWorkstream, workstreamMemberRemoved('chris-sivers')])
      .when(addTask())
      .thenFails('VALIDATION_FAILED', /owned by the lead or a member/);
  });

  it('is refused with ALREADY_EXISTS for a task id already in the workstream, whatever its status', () => {
    spec
      .given(withTask('TO_DO'))
      .when(addTask({ title: 'Another' }))
      .thenFails('ALREADY_EXISTS', /That task already exists/);
    spec
      .given(withTask('DONE'))
      .when(addTask({ title: 'Another' }))
      .thenFails('ALREADY_EXISTS');
    spec
      .given(withTask('CANCELLED'))
      .when(addTask({ title: 'Another' }))
      .thenFails('ALREADY_EXISTS');
  });

  it.each(['31/03/2020', '2020-3-31', '2020-02-30', '2020-03-31T17:00:00Z', ''])(
    'is refused with a due date of %p',
    (dueDate) => {
      spec
        .given(runningWorkstream)
        .when(addTask({ dueDate }))
        .thenFails('VALIDATION_FAILED', /The due date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/);
    },
  );

  it('accepts a due date already past when the task was added on a day before it (it shows as overdue)', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ dueDate: '2020-03-31', addedOn: '2020-01-20' }))
      .then([taskAdded({ dueDate: '2020-03-31', addedOn: '2020-01-20' })]);
  });

  it('is refused with a due date before the day it was added (OUT_OF_RANGE)', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ dueDate: '2020-03-31' }))
      .thenFails('OUT_OF_RANGE', /^The due date \(2020-03-31\) is before the day the task was added \(2020-04-01\)\.$/);
  });

  it('is refused without a title', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ title: ' \t ' }))
      .thenFails('VALIDATION_FAILED', /The title must not be empty/);
  });
});

describe('Task states (W2: to do, in progress, blocked with a reason, done, cancelled)', () => {
  const ALL: TaskStatus[] = ['TO_DO', 'IN_PROGRESS', 'BLOCKED', 'DONE', 'CANCELLED'];
  const words: Record<TaskStatus, string> = {
    TO_DO: 'to do',
    IN_PROGRESS: 'in progress',
    BLOCKED: 'blocked',
    DONE: 'done',
    CANCELLED: 'cancelled',
  };

  type Transition = {
    name: string;
    command: WorkstreamCommandUnion;
    event: WorkstreamEvent;
    allowed: TaskStatus[];
    action: string;
    after: Partial<TaskRecord>;
  };
  const transitions: Transition[] = [
    {
      name: 'starting',
      command: start(),
      event: started(),
      allowed: ['TO_DO'],
      action: 'started',
      after: { status: 'IN_PROGRESS', blockedReason: null },
    },
    {
      name: 'blocking',
      command: block(),
      event: blocked(),
      allowed: ['TO_DO', 'IN_PROGRESS'],
      action: 'blocked',
      after: { status: 'BLOCKED', blockedReason: 'Waiting for the Somerset procedures.' },
    },
    {
      name: 'unblocking',
      command: unblock(),
      event: unblocked(),
      allowed: ['BLOCKED'],
      action: 'unblocked',
      after: { status: 'IN_PROGRESS', blockedReason: null },
    },
    {
      name: 'completing',
      command: complete(),
      event: completed(),
      allowed: ['TO_DO', 'IN_PROGRESS'],
      action: 'completed',
      after: { status: 'DONE', blockedReason: null },
    },
    {
      name: 'cancelling',
      command: cancel(),
      event: cancelled(),
      allowed: ['TO_DO', 'IN_PROGRESS', 'BLOCKED'],
      action: 'cancelled',
      after: { status: 'CANCELLED', blockedReason: null },
    },
    {
      name: 'reassigning',
      command: reassign(),
      event: reassigned(),
      allowed: ['TO_DO', 'IN_PROGRESS', 'BLOCKED'],
      action: 'reassigned',
      after: { ownerId: 'sheila-smith' },
    },
    {
      name: 'changing the due date of',
      command: changeDue(),
      event: dueChanged(),
      allowed: ['TO_DO', 'IN_PROGRESS', 'BLOCKED'],
      action: 'given a new due date',
      after: { dueDate: '2020-04-30' },
    },
  ];

  const cases = transitions.flatMap((t) =>
    ALL.map((status) => [t.name, status, t.allowed.includes(status), t] as const),
  );

  it.each(cases.filter(([, , allowed]) => allowed))('allows %s a task that is %s', (_name, status, _allowed, t) => {
    spec.given(withTask(status)).when(t.command).then([t.event]);
    const before = taskAfter(withTask(status));
    expect(taskAfter([...withTask(status), t.event])).toEqual({ ...before, ...t.after });
  });

  it.each(cases.filter(([, , allowed]) => !allowed))(
    'refuses %s a task that is %s with INVALID_TASK_STATE',
    (_name, status, _allowed, t) => {
      spec
        .given(withTask(status))
        .when(t.command)
        .thenFails('INVALID_TASK_STATE', new RegExp(`^A task that is ${words[status]} cannot be ${t.action}\\.$`));
    },
  );

  it.each(transitions.map((t) => [t.name, t] as const))(
    'refuses %s a task the workstream does not have with NOT_FOUND',
    (_name, t) => {
      const unknown = {
        ...t.command,
        data: { ...t.command.data, taskId: 'task-404', actor: lead },
      } as WorkstreamCommandUnion;
      spec
        .given(withTask('TO_DO'))
        .when(unknown)
        .thenFails('NOT_FOUND', /The workstream has no such task/);
    },
  );

  it('takes a task through every state: to do, in progress, blocked, in progress again, done', () => {
    const events: WorkstreamEvent[] = [...runningWorkstream, taskAdded()];
    const steps: [WorkstreamCommandUnion, WorkstreamEvent, TaskStatus][] = [
      [start(), started(), 'IN_PROGRESS'],
      [block(), blocked(), 'BLOCKED'],
      [unblock(), unblocked(), 'IN_PROGRESS'],
      [complete(), completed(), 'DONE'],
    ];
    for (const [command, event, status] of steps) {
      spec.given(events).when(command).then([event]);
      events.push(event);
      expect(taskAfter(events).status).toBe(status);
    }
  });

  it('unblocks a task blocked before it was started into IN_PROGRESS', () => {
    const given = [...withTask('TO_DO'), blocked()];
    spec.given(given).when(unblock()).then([unblocked()]);
    expect(taskAfter([...given, unblocked()])).toMatchObject({ status: 'IN_PROGRESS', blockedReason: null });
  });

  it('clears the reason for blocking when a blocked task is cancelled', () => {
    expect(taskAfter([...withTask('BLOCKED'), cancelled()])).toMatchObject({
      status: 'CANCELLED',
      blockedReason: null,
    });
  });

  it('keeps the status when a task is reassigned or given a new due date', () => {
    expect(taskAfter([...withTask('BLOCKED'), reassigned(), dueChanged()])).toMatchObject({
      status: 'BLOCKED',
      blockedReason: 'Waiting for the Somerset procedures.',
      ownerId: 'sheila-smith',
      dueDate: '2020-04-30',
    });
  });
});

describe('Reasons and dates that task changes need', () => {
  it('records the reason for blocking trimmed', () => {
    spec.given(withTask('IN_PROGRESS')).when(block(chris, '  Waiting for the Somerset procedures. ')).then([blocked()]);
  });

  it('is refused to block without a reason', () => {
    spec
      .given(withTask('IN_PROGRESS'))
      .when(block(chris, '  '))
      .thenFails('VALIDATION_FAILED', /The reason it is blocked must not be empty/);
  });

  it('records the reason for cancelling trimmed', () => {
    spec.given(withTask('TO_DO')).when(cancel(chris, ' Superseded by the national procedures.\n')).then([cancelled()]);
  });

  it('is refused to cancel without a reason', () => {
    spec
      .given(withTask('TO_DO'))
      .when(cancel(chris, ''))
      .thenFails('VALIDATION_FAILED', /The reason for cancelling must not be empty/);
  });

  it('records the reason for a new due date trimmed', () => {
    spec
      .given(withTask('TO_DO'))
      .when(changeDue(chris, '2020-04-30', ' Somerset needs another month. '))
      .then([dueChanged()]);
  });

  it('is refused to change the due date without a reason', () => {
    spec
      .given(withTask('TO_DO'))
      .when(changeDue(chris, '2020-04-30', ' '))
      .thenFails('VALIDATION_FAILED', /The reason must not be empty/);
  });

  it.each(['30/04/2020', '2020-04-31', 'next month', ''])('is refused to change the due date to %p', (dueDate) => {
    spec
      .given(withTask('TO_DO'))
      .when(changeDue(chris, dueDate))
      .thenFails('VALIDATION_FAILED', /The due date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/);
  });

  it('may bring a due date forward', () => {
    spec
      .given([...withTask('TO_DO'), dueChanged('2020-05-29')])
      .when(changeDue(chris, '2020-04-15', 'Needed for the April meeting.'))
      .then([dueChanged('2020-04-15', 'Needed for the April meeting.')]);
  });

  it('is refused a due date before the day of the change (OUT_OF_RANGE)', () => {
    spec
      .given(withTask('TO_DO'))
      .when(changeDue(chris, '2020-03-31', 'Needed for the March meeting.'))
      .thenFails('OUT_OF_RANGE', /^The due date \(2020-03-31\) is before the day it was changed \(2020-04-01\)\.$/);
  });

  it.each([
    ['the lead', 'will-white'],
    ['the member who owns it (no change of owner)', 'chris-sivers'],
  ])('may reassign a task to %s', (_who, ownerId) => {
    spec
      .given(withTask('IN_PROGRESS'))
      .when(reassign(lead, ownerId))
      .then([reassigned(ownerId)]);
  });

  it.each([
    ['a representative outside the workstream', 'sandra-corry'],
    ['the chair, who is not in it', 'jacqui-jensen'],
    ['someone the platform does not know', 'nobody'],
  ])('is refused to reassign a task to %s', (_who, ownerId) => {
    spec
      .given(withTask('IN_PROGRESS'))
      .when(reassign(lead, ownerId))
      .thenFails('VALIDATION_FAILED', /A task is owned by the lead or a member of the workstream/);
  });
});

describe('Who changes a task (W2: only the lead and members, and members only their own)', () => {
  /** For each change, a status in which it is allowed, and the event it gives. */
  const changes: [string, (actor: Actor) => WorkstreamCommandUnion, TaskStatus, WorkstreamEvent][] = [
    ['start', (actor) => start(actor), 'TO_DO', started()],
    ['block', (actor) => block(actor), 'IN_PROGRESS', blocked()],
    ['unblock', (actor) => unblock(actor), 'BLOCKED', unblocked()],
    ['complete', (actor) => complete(actor), 'IN_PROGRESS', completed()],
    ['cancel', (actor) => cancel(actor), 'BLOCKED', cancelled()],
    ['reassign', (actor) => reassign(actor), 'TO_DO', reassigned()],
    ['change the due date of', (actor) => changeDue(actor), 'TO_DO', dueChanged()],
  ];

  it.each(changes)('the member who owns a task may %s it', (_change, command, status, event) => {
    spec.given(withTask(status)).when(command(chris)).then([event]);
  });

  it.each(changes)("the lead may %s a member's task", (_change, command, status, event) => {
    spec.given(withTask(status)).when(command(lead)).then([event]);
  });

  it.each(changes)('the lead may %s their own task', (_change, command, status, event) => {
    spec.given(withTask(status, willWhite.personId)).when(command(lead)).then([event]);
  });

  it.each(changes)(
    "a member who is not the lead may not %s another member's task (FORBIDDEN)",
    (_change, command, status) => {
      spec
        .given(withTask(status))
        .when(command(sheila))
        .thenFails('FORBIDDEN', /A member changes only the tasks they own; the lead changes any/);
      expect(refusal(withTask(status), command(sheila)).details).toEqual({
        requiredRole: 'workstream LEAD or the task owner',
      });
    },
  );

  it.each(changes)("a member may not %s the lead's task (FORBIDDEN)", (_change, command, status) => {
    spec
      .given(withTask(status, willWhite.personId))
      .when(command(chris))
      .thenFails('FORBIDDEN', /A member changes only the tasks they own/);
  });

  it.each(
    changes.flatMap(([change, command, status]) =>
      (
        [
          ['a representative outside the workstream', sandra],
          ['the chair, who is not in it', meetingChair],
          ['the administrator, who is not in it', administrator],
          ['a stranger', stranger],
        ] as [string, Actor][]
      ).map(([who, actor]) => [who, change, command, status, actor] as const),
    ),
  )('%s may not %s any task (FORBIDDEN)', (_who, _change, command, status, actor) => {
    spec
      .given(withTask(status))
      .when(command(actor))
      .thenFails('FORBIDDEN', /Only the workstream's lead and members change its tasks/);
    expect(refusal(withTask(status), command(actor)).details).toEqual({ requiredRole: 'workstream LEAD or MEMBER' });
  });

  it("a member who is not the lead may not change another's task even to give it to themself", () => {
    spec.given(withTask('TO_DO')).when(reassign(sheila, 'sheila-smith')).thenFails('FORBIDDEN');
  });

  it('a member who gives their task to another member may no longer change it; the new owner may', () => {
    const given = [...withTask('IN_PROGRESS'), reassigned('sheila-smith')];
    spec
      .given(given)
      .when(complete(chris))
      .thenFails('FORBIDDEN', /A member changes only the tasks they own/);
    spec.given(given).when(complete(sheila)).then([completed()]);
  });

  it('a member who has been removed may not change the task they owned', () => {
    const given: WorkstreamEvent[] = [...withTask('DONE'), workstreamMemberRemoved('chris-sivers')];
    spec
      .given(given)
      .when(reassign(chris))
      .thenFails('FORBIDDEN', /Only the workstream's lead and members change its tasks/);
  });
});

describe('The days of tasks entered after the fact (Audit and time)', () => {
  const dated = (command: WorkstreamCommandUnion, changedOn: string) =>
    ({ ...command, data: { ...command.data, changedOn } }) as WorkstreamCommandUnion;

  it('records the day a task was added and each day it changed', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ addedOn: '2020-01-20', dueDate: '2020-03-31' }))
      .then([taskAdded({ addedOn: '2020-01-20' })]);
    spec
      .given(withTask('TO_DO'))
      .when(dated(start(), '2020-02-03'))
      .then([{ type: 'TaskStarted', data: { taskId: TASK, changedOn: '2020-02-03' } }]);
    spec
      .given([...withTask('TO_DO'), { type: 'TaskStarted', data: { taskId: TASK, changedOn: '2020-02-03' } }])
      .when(dated(block(), '2020-02-03'))
      .then([
        {
          type: 'TaskBlocked',
          data: { taskId: TASK, reason: 'Waiting for the Somerset procedures.', changedOn: '2020-02-03' },
        },
      ]);
  });

  it('refuses a task added before the workstream’s first day, or before its owner joined', () => {
    spec
      .given(runningWorkstream)
      .when(addTask({ addedOn: '2020-01-14' }))
      .thenFails('OUT_OF_RANGE', /The day the task was added \(2020-01-14\) is before the workstream's first day/);
    spec
      .given([workstreamCommissioned(), workstreamMemberAdded(chrisSivers, '2020-02-10')])
      .when(addTask({ addedOn: '2020-02-09' }))
      .thenFails('OUT_OF_RANGE', /\(2020-02-09\) is before Chris Sivers joined the workstream \(2020-02-10\)/);
  });

  it('refuses a change before the task was added, before its last change, or in the future', () => {
    spec
      .given(withTask('TO_DO'))
      .when(dated(start(), '2020-01-19'))
      .thenFails('OUT_OF_RANGE', /The day the task changed \(2020-01-19\) is before the task was added \(2020-01-20\)/);
    spec
      .given([...withTask('TO_DO'), { type: 'TaskStarted', data: { taskId: TASK, changedOn: '2020-02-03' } }])
      .when(dated(block(), '2020-02-02'))
      .thenFails('OUT_OF_RANGE', /\(2020-02-02\) is before the task last changed \(2020-02-03\)/);
    spec
      .given(withTask('TO_DO'))
      .when(dated(start(), '2020-04-02'))
      .thenFails('VALIDATION_FAILED', /\(2020-04-02\) is in the future/);
  });

  it('refuses a reassignment dated before the new owner joined', () => {
    spec
      .given([...withTask('TO_DO'), workstreamMemberAdded(sandraCorry, '2020-03-01')])
      .when(dated(reassign(lead, sandraCorry.personId), '2020-02-28'))
      .thenFails('OUT_OF_RANGE', /before Sandra Corry joined the workstream \(2020-03-01\)/);
  });
});
