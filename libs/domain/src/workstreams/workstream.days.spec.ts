import {
  afterIcbs,
  avonAndSomerset,
  groupPartners,
  GROUP_ID,
  meetingChair,
  NOTICE_EFFECTIVE_ON,
  noticeToLeaveGiven,
  partnerSucceeded,
  representativeOf,
  REPRESENTATIVES,
  RESOURCES_WORKSTREAM_ID,
  runningWorkstream,
  taskAdded,
  taskOwners,
  WORKSTREAM_ID,
  workstreamCommand,
  workstreamMember,
  workstreamMemberAdded,
  workstreamMemberRemoved,
  workstreamToday,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { workstreamDecider } from './workstream.decider';
import { TaskRecord, WorkstreamEvent } from './workstream.events';
import { WorkstreamCommandUnion } from './workstream.commands';

/** Task 1 as a carry-over records it: the task as it stood, without the day it was added. */
function taskRecord(): Omit<TaskRecord, 'status' | 'blockedReason'> {
  const { addedOn: _addedOn, ...added } = taskAdded().data;
  return added;
}

/**
 * Removing a member, changing the lead, carrying a task over and closing a workstream take the day
 * they happened (dayItHappened), so a workstream's history can be entered after the fact. The
 * procedures group runs from 15 January 2020; commands are sent on 1 April 2020.
 */
const spec = specification(workstreamDecider);
const { chrisSivers, sandraCorry, sheilaSmith, willWhite, julianWooster } = REPRESENTATIVES;
const lead = representativeOf(willWhite);

/** Each refusal of a day names the field it was given in, for a form to mark. */
function expectFieldNamed(given: readonly WorkstreamEvent[], command: WorkstreamCommandUnion, field: string) {
  const { details, message } = spec.refusal(given, command);
  expect(details).toMatchObject({ field, problems: [{ field, sentence: message }] });
}

const completed = (taskId: string, changedOn: string): WorkstreamEvent => ({
  type: 'TaskCompleted',
  data: { taskId, changedOn },
});
const reassigned = (taskId: string, ownerId: string, changedOn: string): WorkstreamEvent => ({
  type: 'TaskReassigned',
  data: { taskId, ownerId, changedOn },
});
/** Task 1 carried to Resources on `changedOn`. */
const carriedOut = (changedOn: string): WorkstreamEvent => ({
  type: 'TaskCarriedOut',
  data: {
    taskId: 'task-1',
    toWorkstreamId: RESOURCES_WORKSTREAM_ID,
    task: { ...taskRecord(), status: 'TO_DO', blockedReason: null },
    changedOn,
  },
});
const statusReported = (reportedOn: string): WorkstreamEvent => ({
  type: 'WorkstreamStatusReported',
  data: { rag: 'AMBER', note: 'Mapping done in 3 of 5 areas.', reportedOn },
});
const leadChanged = (rep: typeof sandraCorry, leadPartnerId: string, changedOn: string): WorkstreamEvent => ({
  type: 'WorkstreamLeadChanged',
  data: { leadPartnerId, lead: workstreamMember(rep), changedOn },
});

describe('Removing a member on the day they left', () => {
  const remove = (personId: string, removedOn?: string) =>
    workstreamCommand('RemoveWorkstreamMember', { personId, removedOn, actor: lead, actorMayReadTasks: true });
  /** Sandra Corry joined on 10 February 2020. */
  const withSandra = [...runningWorkstream, workstreamMemberAdded(sandraCorry, '2020-02-10')];

  it('given a member who left in March, when the removal is entered in April with that day, then it is recorded on it', () => {
    spec
      .given(withSandra)
      .when(remove(sandraCorry.personId, '2020-03-02'))
      .then([workstreamMemberRemoved(sandraCorry.personId, '2020-03-02')]);
  });

  it('given no day, then the member left today', () => {
    spec
      .given(withSandra)
      .when(remove(sandraCorry.personId))
      .then([workstreamMemberRemoved(sandraCorry.personId, workstreamToday)]);
  });

  it.each([
    [
      '2020-02-09',
      'OUT_OF_RANGE',
      /^The day the member was removed \(2020-02-09\) is before Sandra Corry was added to the workstream \(2020-02-10\)\.$/,
    ],
    ['2020-04-02', 'VALIDATION_FAILED', /\(2020-04-02\) is in the future/],
    ['2020-02-30', 'VALIDATION_FAILED', /\(2020-02-30\) is not a real date/],
  ] as const)(
    'when the removal is dated %s, then it is refused with %s naming removedOn',
    (removedOn, code, message) => {
      spec.given(withSandra).when(remove(sandraCorry.personId, removedOn)).thenFails(code, message);
      expectFieldNamed(withSandra, remove(sandraCorry.personId, removedOn), 'removedOn');
    },
  );

  it('given a member added again after a removal, then a removal is bounded by their last addition', () => {
    const again = [
      ...runningWorkstream,
      workstreamMemberRemoved(chrisSivers.personId, '2020-02-01'),
      workstreamMemberAdded(chrisSivers, '2020-03-01'),
    ];
    spec
      .given(again)
      .when(remove(chrisSivers.personId, '2020-02-15'))
      .thenFails('OUT_OF_RANGE', /before Chris Sivers was added to the workstream \(2020-03-01\)/);
  });

  describe('given Chris Sivers owns a task completed on 20 March 2020', () => {
    const withDone = [...runningWorkstream, taskAdded(), completed('task-1', '2020-03-20')];

    it('when he is removed on 10 March, while it was still open, then it is refused with OPEN_TASKS naming removedOn', () => {
      spec
        .given(withDone)
        .when(remove(chrisSivers.personId, '2020-03-10'))
        .thenFails(
          'OPEN_TASKS',
          /^Chris Sivers owned a task still open after 2020-03-10, the day given for the removal: “Map the five areas' child protection procedures”, theirs and open until 2020-03-20\. Remove them on or after 2020-03-20\.$/,
        );
      expectFieldNamed(withDone, remove(chrisSivers.personId, '2020-03-10'), 'removedOn');
    });

    it('and another of his completed on 10 March, when he is removed on 1 March, then the refusal names both tasks, not only the one released last', () => {
      const withTwo = [
        ...withDone,
        taskAdded({ taskId: 'task-2', title: 'Agree a shared referral form', addedOn: '2020-01-21' }),
        completed('task-2', '2020-03-10'),
      ];
      const refused = spec.refusal(withTwo, remove(chrisSivers.personId, '2020-03-01'));
      expect(refused.message).toBe(
        "Chris Sivers owned 2 tasks still open after 2020-03-01, the day given for the removal: “Agree a shared referral form”, theirs and open until 2020-03-10 and “Map the five areas' child protection procedures”, theirs and open until 2020-03-20. Remove them on or after 2020-03-20.",
      );
      expect(refused.details).toMatchObject({
        earliest: '2020-03-20',
        tasks: [
          { taskId: 'task-2', until: '2020-03-10' },
          { taskId: 'task-1', until: '2020-03-20' },
        ],
      });
    });

    it('when he is removed on the day it was completed, then it is recorded', () => {
      spec
        .given(withDone)
        .when(remove(chrisSivers.personId, '2020-03-20'))
        .then([workstreamMemberRemoved(chrisSivers.personId, '2020-03-20')]);
    });
  });

  it.each([
    [
      'reassigned to Sheila Smith',
      reassigned('task-1', sheilaSmith.personId, '2020-03-01'),
      '2020-02-01',
      '2020-03-01',
    ],
    ['carried over', carriedOut('2020-03-05'), '2020-03-01', '2020-03-05'],
  ] as const)(
    'given a task of his %s, when he is removed on %s, before that, then it is refused with OPEN_TASKS naming removedOn: it was his and open then',
    (_what, event, removedOn, until) => {
      const given = [...runningWorkstream, taskAdded(), event];
      spec
        .given(given)
        .when(remove(chrisSivers.personId, removedOn))
        .thenFails(
          'OPEN_TASKS',
          new RegExp(
            `^Chris Sivers owned a task still open after ${removedOn}, the day given for the removal: “Map the five areas' child protection procedures”, theirs and open until ${until}\\. Remove them on or after ${until}\\.$`,
          ),
        );
      expectFieldNamed(given, remove(chrisSivers.personId, removedOn), 'removedOn');
    },
  );

  it.each([
    [
      'reassigned to her on 1 March and away on 10 March',
      [
        taskAdded(),
        reassigned('task-1', sandraCorry.personId, '2020-03-01'),
        reassigned('task-1', chrisSivers.personId, '2020-03-10'),
      ],
      '2020-03-10',
    ],
    [
      'added for her on 1 March and cancelled on 20 March',
      [
        taskAdded({ ownerId: sandraCorry.personId, addedOn: '2020-03-01' }),
        { type: 'TaskCancelled', data: { taskId: 'task-1', reason: 'Not needed.', changedOn: '2020-03-20' } },
      ],
      '2020-03-20',
    ],
  ] as const)(
    'given a task of Sandra Corry %s, when she is removed on 20 February, then the refusal says she was given it after that day',
    (_what, events: readonly WorkstreamEvent[], until) => {
      spec
        .given([...withSandra, ...events])
        .when(remove(sandraCorry.personId, '2020-02-20'))
        .thenFails(
          'OPEN_TASKS',
          new RegExp(
            `^Sandra Corry owned a task still open after 2020-02-20, the day given for the removal: “Map the five areas' child protection procedures”, given them on 2020-03-01 and theirs and open until ${until}\\. Remove them on or after ${until}\\.$`,
          ),
        );
    },
  );

  it('given a task he owns still open, when he is removed on any day, then it is OPEN_TASKS as it is today', () => {
    spec
      .given([...runningWorkstream, taskAdded()])
      .when(remove(chrisSivers.personId, '2020-03-10'))
      .thenFails(
        'OPEN_TASKS',
        /^Chris Sivers owns 1 open task; reassign it first: “Map the five areas' child protection procedures”, theirs since 2020-01-20\.$/,
      );
  });
});

describe('Changing the lead on the day the new lead took over (W1)', () => {
  /** NHS Somerset CCG succeeded by NHS Somerset ICB on 1 July 2022. */
  const partners = groupPartners([...avonAndSomerset, partnerSucceeded()]);
  const changeLead = (rep: typeof sandraCorry, leadPartnerId: string, changedOn?: string, now?: string) =>
    workstreamCommand('ChangeWorkstreamLead', {
      personId: rep.personId,
      lead: workstreamMember(rep),
      leadPartnerId,
      partners,
      changedOn,
      actor: meetingChair,
      ...(now ? { now } : {}),
    });

  it('given a change entered later, then it is recorded on the day given', () => {
    spec
      .given(runningWorkstream)
      .when(changeLead(julianWooster, julianWooster.partnerId, '2020-02-17'))
      .then([leadChanged(julianWooster, julianWooster.partnerId, '2020-02-17')]);
  });

  it('given a lead changed on 17 February, when another change is dated 10 February, then it is refused with OUT_OF_RANGE', () => {
    const given = [...runningWorkstream, leadChanged(julianWooster, julianWooster.partnerId, '2020-02-17')];
    const command = changeLead(sandraCorry, sandraCorry.partnerId, '2020-02-10');
    spec
      .given(given)
      .when(command)
      .thenFails(
        'OUT_OF_RANGE',
        /^The day the lead changed \(2020-02-10\) is before the lead last changed \(2020-02-17\)\.$/,
      );
    expectFieldNamed(given, command, 'changedOn');
  });

  it('given Will White reported its status on 25 March as its lead, when the change is dated 1 March, then it is refused with OUT_OF_RANGE', () => {
    const given = [...runningWorkstream, statusReported('2020-03-25')];
    const command = changeLead(julianWooster, julianWooster.partnerId, '2020-03-01');
    spec
      .given(given)
      .when(command)
      .thenFails(
        'OUT_OF_RANGE',
        /^The day the lead changed \(2020-03-01\) is before Will White, the lead, last reported its status \(2020-03-25\)\.$/,
      );
    expectFieldNamed(given, command, 'changedOn');
  });

  it.each([
    ['2020-01-14', 'OUT_OF_RANGE', /before the workstream's first day \(2020-01-15\)/],
    ['2020-04-02', 'VALIDATION_FAILED', /\(2020-04-02\) is in the future/],
  ] as const)(
    'when the change is dated %s, then it is refused with %s naming changedOn',
    (changedOn, code, message) => {
      const command = changeLead(julianWooster, julianWooster.partnerId, changedOn);
      spec.given(runningWorkstream).when(command).thenFails(code, message);
      expectFieldNamed(runningWorkstream, command, 'changedOn');
    },
  );

  describe('given the CCG succeeded by the ICB on 1 July 2022, and the change entered on 1 September 2022', () => {
    it('when the CCG is named lead from 15 June 2022, then it is recorded: it was a core partner that day', () => {
      spec
        .given(runningWorkstream)
        .when(changeLead(sandraCorry, 'somerset-ccg', '2022-06-15', afterIcbs))
        .then([leadChanged(sandraCorry, 'somerset-ccg', '2022-06-15')]);
    });

    it('when the ICB is named lead from 15 June 2022, then it is refused with NOT_A_CORE_PARTNER on that day', () => {
      spec
        .given(runningWorkstream)
        .when(changeLead(sandraCorry, 'somerset-icb', '2022-06-15', afterIcbs))
        .thenFails(
          'NOT_A_CORE_PARTNER',
          /^NHS Somerset ICB was not a core partner of the group on 2022-06-15, the day the lead changes\.$/,
        );
    });
  });

  describe('given NHS Somerset CCG gave notice to leave, taking effect on 15 January 2021', () => {
    const leaving = groupPartners([...avonAndSomerset, noticeToLeaveGiven()]);
    const named = (changedOn: string) =>
      workstreamCommand('ChangeWorkstreamLead', {
        personId: sandraCorry.personId,
        lead: workstreamMember(sandraCorry),
        leadPartnerId: 'somerset-ccg',
        partners: leaving,
        changedOn,
        actor: meetingChair,
        now: '2021-02-01T10:00:00.000Z',
      });

    it('when the CCG is named lead from that day, then it is refused with NOT_A_CORE_PARTNER naming the notice', () => {
      spec
        .given(runningWorkstream)
        .when(named(NOTICE_EFFECTIVE_ON))
        .thenFails(
          'NOT_A_CORE_PARTNER',
          /^NHS Somerset CCG has given notice to leave the group, taking effect on 2021-01-15: it is no core partner from that day, so it cannot lead from 2021-01-15, the day the lead changes\.$/,
        );
      expect(spec.refusal(runningWorkstream, named(NOTICE_EFFECTIVE_ON)).details).toMatchObject({
        partnerId: 'somerset-ccg',
        on: NOTICE_EFFECTIVE_ON,
        successorId: null,
        effectiveOn: NOTICE_EFFECTIVE_ON,
      });
    });

    it('when the CCG is named lead from the day before, then it is recorded', () => {
      spec
        .given(runningWorkstream)
        .when(named('2021-01-14'))
        .then([leadChanged(sandraCorry, 'somerset-ccg', '2021-01-14')]);
    });
  });

  it('given the CCG succeeded by the ICB, which gave notice taking effect on 31 March 2023, when the CCG is named lead from that day, then the refusal names the ICB and its notice', () => {
    const successorLeaving = groupPartners([
      ...avonAndSomerset,
      partnerSucceeded(),
      noticeToLeaveGiven({ partnerId: 'somerset-icb', partnerName: 'NHS Somerset ICB', effectiveOn: '2023-03-31' }),
    ]);
    const command = workstreamCommand('ChangeWorkstreamLead', {
      personId: sandraCorry.personId,
      lead: workstreamMember(sandraCorry),
      leadPartnerId: 'somerset-ccg',
      partners: successorLeaving,
      changedOn: '2023-03-31',
      actor: meetingChair,
      now: '2023-04-03T10:00:00.000Z',
    });
    spec
      .given(runningWorkstream)
      .when(command)
      .thenFails(
        'NOT_A_CORE_PARTNER',
        /^NHS Somerset CCG had been succeeded by NHS Somerset ICB, which has given notice to leave the group, taking effect on 2023-03-31: it is no core partner from that day, so it cannot lead from 2023-03-31, the day the lead changes\.$/,
      );
    expect(spec.refusal(runningWorkstream, command).details).toMatchObject({
      partnerId: 'somerset-ccg',
      successorId: 'somerset-icb',
      effectiveOn: '2023-03-31',
    });
  });

  it('given a former lead who owns an open task, then they stay on as a member from the day of the change', () => {
    spec
      .given([...runningWorkstream, taskAdded({ ownerId: willWhite.personId })])
      .when(changeLead(julianWooster, julianWooster.partnerId, '2020-02-17'))
      .then([
        workstreamMemberAdded(willWhite, '2020-02-17'),
        leadChanged(julianWooster, julianWooster.partnerId, '2020-02-17'),
      ]);
  });
});

describe('Carrying a task over on the day it moved (W3)', () => {
  const task: TaskRecord = { ...taskRecord(), status: 'TO_DO', blockedReason: null };
  /** Resources, in the same group, with Chris Sivers in it, from `since`. */
  const carryOut = (changedOn?: string, since = '2019-09-01', joined = since) =>
    workstreamCommand('CarryTaskOut', {
      taskId: 'task-1',
      toWorkstreamId: RESOURCES_WORKSTREAM_ID,
      target: {
        groupId: GROUP_ID,
        open: true,
        knowsTask: false,
        ...taskOwners(willWhite, [chrisSivers], joined),
        since,
      },
      changedOn,
      actor: lead,
    });
  const withTask = [...runningWorkstream, taskAdded()];

  it('given a carry-over entered later, then the task leaves on the day given', () => {
    spec
      .given(withTask)
      .when(carryOut('2020-02-03'))
      .then([
        {
          type: 'TaskCarriedOut',
          data: { taskId: 'task-1', toWorkstreamId: RESOURCES_WORKSTREAM_ID, task, changedOn: '2020-02-03' },
        },
      ]);
  });

  it.each([
    [
      '2020-01-19',
      '2019-09-01',
      /^The day the task changed \(2020-01-19\) is before the task was added \(2020-01-20\)\.$/,
    ],
    [
      '2020-02-03',
      '2020-02-10',
      /^The day the task changed \(2020-02-03\) is before the first day of the workstream it goes to \(2020-02-10\)\.$/,
    ],
  ] as const)(
    'when it is dated %s, the other workstream existing from %s, then it is refused with OUT_OF_RANGE naming changedOn',
    (changedOn, since, message) => {
      spec.given(withTask).when(carryOut(changedOn, since)).thenFails('OUT_OF_RANGE', message);
      expectFieldNamed(withTask, carryOut(changedOn, since), 'changedOn');
    },
  );

  it('given Chris Sivers joined Resources on 10 February, when it is dated 3 February, then it is refused with OUT_OF_RANGE naming changedOn', () => {
    const command = carryOut('2020-02-03', '2019-09-01', '2020-02-10');
    spec
      .given(withTask)
      .when(command)
      .thenFails(
        'OUT_OF_RANGE',
        /^The day the task changed \(2020-02-03\) is before Chris Sivers joined the workstream it goes to \(2020-02-10\)\.$/,
      );
    expectFieldNamed(withTask, command, 'changedOn');
  });

  it('when it is dated in the future, then it is refused with VALIDATION_FAILED', () => {
    spec
      .given(withTask)
      .when(carryOut('2020-04-02'))
      .thenFails('VALIDATION_FAILED', /is in the future/);
  });

  describe('given the task arrived in Resources on 3 February 2020', () => {
    const resources: WorkstreamEvent[] = [
      ...runningWorkstream.map((event) =>
        event.type === 'WorkstreamCommissioned'
          ? { ...event, data: { ...event.data, workstreamId: RESOURCES_WORKSTREAM_ID } }
          : event,
      ),
    ];

    it('when the arrival is recorded, then it carries the day of the departure', () => {
      spec
        .given(resources)
        .when(
          workstreamCommand('CarryTaskIn', {
            task,
            fromWorkstreamId: WORKSTREAM_ID,
            carriedOutHere: true,
            changedOn: '2020-02-03',
            actor: lead,
          }),
        )
        .then([{ type: 'TaskCarriedIn', data: { task, fromWorkstreamId: WORKSTREAM_ID, changedOn: '2020-02-03' } }]);
    });

    it('when the task is changed there on a day before it arrived, then it is refused with OUT_OF_RANGE', () => {
      const arrived: WorkstreamEvent[] = [
        ...resources,
        { type: 'TaskCarriedIn', data: { task, fromWorkstreamId: WORKSTREAM_ID, changedOn: '2020-02-03' } },
      ];
      spec
        .given(arrived)
        .when(workstreamCommand('StartTask', { taskId: 'task-1', changedOn: '2020-02-01', actor: lead }))
        .thenFails(
          'OUT_OF_RANGE',
          /^The day the task changed \(2020-02-01\) is before the task last changed \(2020-02-03\)\.$/,
        );
    });
  });
});

describe('Closing a workstream on the day it closed (W3)', () => {
  /** Closed by the chair, who may close it whoever leads it. */
  const close = (closedOn?: string) =>
    workstreamCommand('CloseWorkstream', { outcomeReport: 'Procedures published.', closedOn, actor: meetingChair });
  const closed = (closedOn: string): WorkstreamEvent => ({
    type: 'WorkstreamClosed',
    data: { outcomeReport: 'Procedures published.', closedOn },
  });
  /** Its one task completed on 20 March 2020. */
  const withDone = [...runningWorkstream, taskAdded(), completed('task-1', '2020-03-20')];

  it('given a closing entered later, then it is recorded on the day given', () => {
    spec
      .given(withDone)
      .when(close('2020-03-25'))
      .then([closed('2020-03-25')]);
  });

  it('when it is dated before its last task was completed, then it is refused with OUT_OF_RANGE naming closedOn', () => {
    spec
      .given(withDone)
      .when(close('2020-03-10'))
      .thenFails(
        'OUT_OF_RANGE',
        /^The day the workstream closed \(2020-03-10\) is before its tasks last changed \(2020-03-20\)\.$/,
      );
    expectFieldNamed(withDone, close('2020-03-10'), 'closedOn');
  });

  it('given a task carried out on 3 February, when it is dated 1 February, then it is refused with OUT_OF_RANGE', () => {
    const carried: WorkstreamEvent[] = [...runningWorkstream, taskAdded(), carriedOut('2020-02-03')];
    spec
      .given(carried)
      .when(close('2020-02-01'))
      .thenFails('OUT_OF_RANGE', /before its tasks last changed \(2020-02-03\)/);
  });

  it.each([
    ['2020-01-14', 'OUT_OF_RANGE', /before the workstream's first day \(2020-01-15\)/],
    ['2020-04-02', 'VALIDATION_FAILED', /\(2020-04-02\) is in the future/],
    ['1 April 2020', 'VALIDATION_FAILED', /must be a date written YYYY-MM-DD/],
  ] as const)('when it is dated %s, then it is refused with %s naming closedOn', (closedOn, code, message) => {
    spec.given(runningWorkstream).when(close(closedOn)).thenFails(code, message);
    expectFieldNamed(runningWorkstream, close(closedOn), 'closedOn');
  });

  it.each([
    ['the lead changed', leadChanged(julianWooster, julianWooster.partnerId, '2020-03-28'), 'the lead last changed'],
    ['a member was added', workstreamMemberAdded(sandraCorry, '2020-03-28'), 'Sandra Corry was added to it'],
    [
      'a member was removed',
      workstreamMemberRemoved(REPRESENTATIVES.sheilaSmith.personId, '2020-03-28'),
      'Sheila Smith was removed from it',
    ],
    ['its status was reported', statusReported('2020-03-28'), 'its status was last reported'],
  ] as const)(
    'given %s on 28 March, after its tasks last changed, when it is dated 21 March, then it is refused with OUT_OF_RANGE naming that',
    (_what, event, what) => {
      const given = [...withDone, event];
      spec
        .given(given)
        .when(close('2020-03-21'))
        .thenFails(
          'OUT_OF_RANGE',
          new RegExp(`^The day the workstream closed \\(2020-03-21\\) is before ${what} \\(2020-03-28\\)\\.$`),
        );
      expectFieldNamed(given, close('2020-03-21'), 'closedOn');
    },
  );

  it('given a member added on 28 March, when it is dated that day, then it is recorded', () => {
    spec
      .given([...withDone, workstreamMemberAdded(sandraCorry, '2020-03-28')])
      .when(close('2020-03-28'))
      .then([closed('2020-03-28')]);
  });
});
