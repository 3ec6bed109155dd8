import { Actor } from '../shared/roles';
import {
  administrator,
  ALL_AREA_IDS,
  areaBusinessManager,
  AREAS,
  avonAndSomerset,
  GROUP_ID,
  groupPartners,
  meetingChair,
  meetingDeputyChair,
  meetingRepresentative,
  partnerSucceeded,
  REPRESENTATIVES,
  taskOwners,
  resourcesWorkstreamCommissioned,
  SCOPE_DECISION_ID,
  stranger,
  WORKSTREAM_ID,
  workstreamCommand,
  workstreamCommissioned,
  workstreamGroup,
  workstreamMember,
  WorkstreamCommandInput,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import { CommissionWorkstream, WorkstreamCommandUnion } from './workstream.commands';
import { workstreamDecider } from './workstream.decider';
import { WorkstreamEvent } from './workstream.events';

const spec = specification(workstreamDecider);
const { chrisSivers, willWhite, jacquiJensen } = REPRESENTATIVES;

/** The procedures group as the administrator commissions it: task-and-finish, all five areas, led by Will White for the police. */
const commission = (overrides: Partial<WorkstreamCommandInput<'CommissionWorkstream'>> = {}): CommissionWorkstream =>
  workstreamCommand('CommissionWorkstream', {
    workstreamId: WORKSTREAM_ID,
    groupId: GROUP_ID,
    name: 'Regional child protection procedures',
    kind: 'TASK_AND_FINISH',
    purpose: 'Bring the five local child protection procedures into one regional set.',
    termsOfReference: 'Reports to the regional group at each meeting; closes with the procedures published.',
    leadPartnerId: 'police',
    lead: workstreamMember(willWhite),
    areaIds: ALL_AREA_IDS,
    startDate: '2020-01-15',
    endDate: '2020-09-30',
    scopeDecisionId: null,
    group: workstreamGroup(),
    ...overrides,
  });

/** The Resources workstream as commissioned: standing, no end date. */
const commissionResources = (
  overrides: Partial<WorkstreamCommandInput<'CommissionWorkstream'>> = {},
): CommissionWorkstream =>
  commission({
    workstreamId: 'ws-resources',
    name: 'Resources',
    kind: 'STANDING',
    purpose:
      'Propose funding and resources in kind that reflect the equal responsibility of the three statutory partners.',
    termsOfReference: 'Reports to the regional group each quarter.',
    leadPartnerId: 'bnssg-ccg',
    lead: workstreamMember(REPRESENTATIVES.janetBaptisteGrant),
    startDate: '2019-09-01',
    endDate: null,
    ...overrides,
  });

/** A joint exploitation hub for Bristol and South Gloucestershire only: work of sub-regional scale (R11). */
const bristolAndSouthGlos = (
  overrides: Partial<WorkstreamCommandInput<'CommissionWorkstream'>> = {},
): CommissionWorkstream =>
  commission({
    workstreamId: 'ws-exploitation-hub',
    name: 'Bristol and South Gloucestershire exploitation hub',
    purpose: 'Pilot one exploitation hub for two neighbouring areas.',
    termsOfReference: 'Reports to the regional group; ends with an evaluation.',
    leadPartnerId: 'south-glos-council',
    lead: workstreamMember(chrisSivers),
    areaIds: ['bristol', 'south-glos'],
    ...overrides,
  });

const hubCommissioned = (overrides: Parameters<typeof workstreamCommissioned>[0] = {}) =>
  workstreamCommissioned({
    workstreamId: 'ws-exploitation-hub',
    name: 'Bristol and South Gloucestershire exploitation hub',
    purpose: 'Pilot one exploitation hub for two neighbouring areas.',
    termsOfReference: 'Reports to the regional group; ends with an evaluation.',
    leadPartnerId: 'south-glos-council',
    lead: workstreamMember(chrisSivers),
    areas: [AREAS.bristol, AREAS.southGlos],
    scopeDecisionId: SCOPE_DECISION_ID,
    ...overrides,
  });

const refusal = spec.refusal;

describe('Commissioning a workstream (W1, D2)', () => {
  it('records a task-and-finish group for the whole region, led by a current partner, with its start and end dates', () => {
    spec.given([]).when(commission()).then([workstreamCommissioned()]);
  });

  it('records a standing group with no end date', () => {
    spec.given([]).when(commissionResources()).then([resourcesWorkstreamCommissioned()]);
  });

  it.each([
    ['the administrator', administrator],
    ['the chair', meetingChair],
    [
      'the chair, holding the CHAIR role alone',
      { personId: jacquiJensen.personId, partnerId: jacquiJensen.partnerId, roles: ['CHAIR'] },
    ],
  ])('is recorded by %s', (_who, actor: Actor) => {
    spec.given([]).when(commission({ actor })).then([workstreamCommissioned()]);
  });

  it.each([
    ['a stranger', stranger],
    ['a representative holding no post', meetingRepresentative],
    ['the deputy chair', meetingDeputyChair],
    ['an area business manager', areaBusinessManager('bristol-business-manager')],
    ['the person who will lead it', { personId: willWhite.personId, partnerId: 'police', roles: ['REPRESENTATIVE'] }],
    ['an auditor', { personId: 'auditor', partnerId: null, roles: ['AUDITOR'] }],
  ])('is refused to %s with FORBIDDEN, naming ADMINISTRATOR or CHAIR as the required role', (_who, actor: Actor) => {
    spec
      .given([])
      .when(commission({ actor }))
      .thenFails('FORBIDDEN', /Only an administrator or the chair commissions a workstream/);
    expect(refusal([], commission({ actor })).details).toEqual({ requiredRole: 'ADMINISTRATOR or CHAIR' });
  });

  it('is refused with ALREADY_EXISTS for a workstream id already commissioned', () => {
    spec
      .given([workstreamCommissioned()])
      .when(commission())
      .thenFails('ALREADY_EXISTS', /already commissioned/);
  });

  it('is refused with ALREADY_EXISTS for a workstream that has been closed, not re-opened', () => {
    const closed: WorkstreamEvent[] = [
      workstreamCommissioned(),
      { type: 'WorkstreamClosed', data: { outcomeReport: 'Done.', closedOn: '2020-09-30T10:00:00.000Z' } },
    ];
    spec
      .given(closed)
      .when(commission())
      .thenFails('ALREADY_EXISTS', /already commissioned/);
  });

  it('is refused with GROUP_DISSOLVED once the group is dissolved', () => {
    spec
      .given([])
      .when(commission({ group: workstreamGroup({ dissolved: true }) }))
      .thenFails('GROUP_DISSOLVED', /dissolved/);
  });

  it('is refused for a kind that is neither STANDING nor TASK_AND_FINISH', () => {
    spec
      .given([])
      .when(commission({ kind: 'SUB_GROUP' as unknown as 'STANDING' }))
      .thenFails('VALIDATION_FAILED', /STANDING or TASK_AND_FINISH/);
  });

  describe('its lead', () => {
    it('may be any core partner of its start day, e.g. Somerset County Council and Julian Wooster', () => {
      spec
        .given([])
        .when(commission({ leadPartnerId: 'somerset-council', lead: workstreamMember(REPRESENTATIVES.julianWooster) }))
        .then([
          workstreamCommissioned({
            leadPartnerId: 'somerset-council',
            lead: { personId: 'julian-wooster', name: 'Julian Wooster' },
          }),
        ]);
    });

    it('is refused with NOT_FOUND for an organisation that is not a core partner of the group', () => {
      spec
        .given([])
        .when(commission({ leadPartnerId: 'wiltshire-council' }))
        .thenFails('NOT_FOUND', /The group has no core partner wiltshire-council/);
    });

    describe('given NHS Somerset CCG succeeded by the Somerset ICB on 1 July 2022 (R16)', () => {
      const afterIcb = workstreamGroup({ partners: groupPartners([...avonAndSomerset, partnerSucceeded()]) });
      /** Led by Sandra Corry for `leadPartnerId`, from `startDate` for six months. */
      const ledFrom = (leadPartnerId: string, startDate: string, endDate: string) =>
        commission({
          leadPartnerId,
          lead: workstreamMember(REPRESENTATIVES.sandraCorry),
          startDate,
          endDate,
          group: afterIcb,
        });
      const ledBySandra = { lead: { personId: 'sandra-corry', name: 'Sandra Corry' } };

      it('when one starting in 2020 is led by the CCG, then it is commissioned: the CCG was a partner that day', () => {
        spec
          .given([])
          .when(ledFrom('somerset-ccg', '2020-01-15', '2020-09-30'))
          .then([workstreamCommissioned({ leadPartnerId: 'somerset-ccg', ...ledBySandra })]);
      });

      it('when one starting after the succession is led by the CCG, then it is refused with NOT_A_CORE_PARTNER naming the ICB', () => {
        spec
          .given([])
          .when(ledFrom('somerset-ccg', '2022-09-01', '2023-03-31'))
          .thenFails(
            'NOT_A_CORE_PARTNER',
            /^NHS Somerset CCG had been succeeded by NHS Somerset ICB by 2022-09-01, the day the workstream starts: name NHS Somerset ICB as the lead partner\.$/,
          );
        expect(refusal([], ledFrom('somerset-ccg', '2022-07-01', '2023-03-31')).details).toEqual({
          partnerId: 'somerset-ccg',
          on: '2022-07-01',
          successorId: 'somerset-icb',
          effectiveOn: null,
        });
      });

      it('when one starting after the succession is led by the ICB, then it is commissioned', () => {
        spec
          .given([])
          .when(ledFrom('somerset-icb', '2022-09-01', '2023-03-31'))
          .then([
            workstreamCommissioned({
              leadPartnerId: 'somerset-icb',
              startDate: '2022-09-01',
              endDate: '2023-03-31',
              // Commissioned on 1 April 2020, ahead of its start: that is its first day.
              commissionedOn: '2020-04-01',
              ...ledBySandra,
            }),
          ]);
      });

      it('when one starting in 2020 is led by the ICB, then it is refused with NOT_A_CORE_PARTNER: the ICB did not exist', () => {
        spec
          .given([])
          .when(ledFrom('somerset-icb', '2020-01-15', '2020-09-30'))
          .thenFails(
            'NOT_A_CORE_PARTNER',
            /^NHS Somerset ICB was not a core partner of the group on 2020-01-15, the day the workstream starts\.$/,
          );
      });
    });

    it('is refused with NOT_FOUND for a lead person the platform does not know', () => {
      spec
        .given([])
        .when(commission({ lead: null }))
        .thenFails('NOT_FOUND', /knows nobody with that lead person id/);
    });
  });

  describe('its dates', () => {
    it('takes its start as its first day, or the day it is commissioned when it starts later', () => {
      spec
        .given([])
        .when(commission())
        .then([workstreamCommissioned({ commissionedOn: '2020-01-15' })]);
      spec
        .given([])
        .when(commission({ startDate: '2020-05-01' }))
        .then([workstreamCommissioned({ startDate: '2020-05-01', commissionedOn: '2020-04-01' })]);
    });

    it.each(['15/01/2020', '2020-1-15', '2020-02-30', '2020-01-15T00:00:00Z', ''])(
      'is refused with a start date of %p',
      (startDate) => {
        spec
          .given([])
          .when(commission({ startDate }))
          .thenFails(
            'VALIDATION_FAILED',
            /The start date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/,
          );
      },
    );

    it('is refused for a task-and-finish group without an end date', () => {
      spec
        .given([])
        .when(commission({ endDate: null }))
        .thenFails('VALIDATION_FAILED', /A task-and-finish group has an end date/);
    });

    it.each(['30/09/2020', '2020-09-31', '2020-9-30'])(
      'is refused for a task-and-finish group with an end date of %p',
      (endDate) => {
        spec
          .given([])
          .when(commission({ endDate }))
          .thenFails('VALIDATION_FAILED', /The end date (must be a date written YYYY-MM-DD|\(.+\) is not a real date)/);
      },
    );

    it.each(['2020-01-15', '2020-01-14', '2019-12-31'])(
      'is refused for a task-and-finish group ending on %p, not after its start on 2020-01-15',
      (endDate) => {
        spec
          .given([])
          .when(commission({ endDate }))
          .thenFails('VALIDATION_FAILED', /The end date comes after the start date/);
      },
    );

    it('accepts a task-and-finish group that lasts a single day', () => {
      spec
        .given([])
        .when(commission({ endDate: '2020-01-16' }))
        .then([workstreamCommissioned({ endDate: '2020-01-16' })]);
    });

    it('is refused for a standing group with an end date', () => {
      spec
        .given([])
        .when(commissionResources({ endDate: '2021-03-31' }))
        .thenFails('VALIDATION_FAILED', /A standing group has no end date/);
    });

    it('records no end date for a standing group sent an empty one', () => {
      spec
        .given([])
        .when(commissionResources({ endDate: '' }))
        .then([resourcesWorkstreamCommissioned({ endDate: null })]);
    });
  });

  describe('its text', () => {
    it('records the name without surrounding or doubled white space, and the purpose and terms of reference trimmed', () => {
      spec
        .given([])
        .when(
          commission({
            name: '  Regional   child protection\tprocedures ',
            purpose: ' Bring the five local child protection procedures into one regional set. ',
            termsOfReference:
              '\n Reports to the regional group at each meeting; closes with the procedures published. \n',
          }),
        )
        .then([workstreamCommissioned()]);
    });

    it('is refused without a name', () => {
      spec
        .given([])
        .when(commission({ name: '   ' }))
        .thenFails('VALIDATION_FAILED', /The name must not be empty/);
    });

    it('is refused without a purpose', () => {
      spec
        .given([])
        .when(commission({ purpose: ' ' }))
        .thenFails('VALIDATION_FAILED', /The purpose must not be empty/);
    });

    it('accepts empty terms of reference', () => {
      spec
        .given([])
        .when(commission({ termsOfReference: '  ' }))
        .then([workstreamCommissioned({ termsOfReference: '' })]);
    });
  });

  describe('the areas it concerns (D2: it flows into each of their feeds)', () => {
    it('lists all five areas, as the group names them, for a workstream of the whole region', () => {
      spec
        .given([])
        .when(commission())
        .then([
          workstreamCommissioned({
            areas: [
              { areaId: 'banes', name: 'Bath and North East Somerset' },
              { areaId: 'bristol', name: 'Bristol' },
              { areaId: 'north-somerset', name: 'North Somerset' },
              { areaId: 'somerset', name: 'Somerset' },
              { areaId: 'south-glos', name: 'South Gloucestershire' },
            ],
          }),
        ]);
    });

    it("lists them in the group's order, each once, however the command orders or repeats them", () => {
      spec
        .given([])
        .when(
          commission({
            areaIds: ['south-glos', 'somerset', 'bristol', 'banes', 'north-somerset', 'bristol', 'somerset'],
          }),
        )
        .then([workstreamCommissioned()]);
    });

    it('lists only the areas a sub-regional workstream concerns', () => {
      const event = workstreamDecider.decide(
        bristolAndSouthGlos({
          scopeDecisionId: SCOPE_DECISION_ID,
          group: workstreamGroup({ scopeDecisionAgreed: true }),
        }),
        {
          status: 'NONE',
        },
      )[0];
      expect(event.type).toBe('WorkstreamCommissioned');
      expect(event.type === 'WorkstreamCommissioned' && event.data.areas).toEqual([
        { areaId: 'bristol', name: 'Bristol' },
        { areaId: 'south-glos', name: 'South Gloucestershire' },
      ]);
    });

    it('is refused when it concerns no area', () => {
      spec
        .given([])
        .when(commission({ areaIds: [] }))
        .thenFails('VALIDATION_FAILED', /concerns at least one area/);
    });

    it('is refused with NOT_FOUND for an area that is not one of the group', () => {
      spec
        .given([])
        .when(commission({ areaIds: [...ALL_AREA_IDS, 'wiltshire'] }))
        .thenFails('NOT_FOUND', /not areas of the group/);
    });

    it('is refused with NOT_FOUND for an unknown area alone', () => {
      spec
        .given([])
        .when(commission({ areaIds: ['gloucestershire'] }))
        .thenFails('NOT_FOUND', /not areas of the group/);
    });
  });

  describe('its scope (R11: work of sub-regional scale only by specific agreement)', () => {
    const agreed = workstreamGroup({ scopeDecisionAgreed: true });

    it('needs no scope decision for all five areas', () => {
      spec
        .given([])
        .when(commission({ scopeDecisionId: null, group: workstreamGroup({ scopeDecisionAgreed: false }) }))
        .then([workstreamCommissioned()]);
    });

    it('records no scope decision for all five areas, even when one is given', () => {
      spec
        .given([])
        .when(commission({ scopeDecisionId: SCOPE_DECISION_ID, group: agreed }))
        .then([workstreamCommissioned({ scopeDecisionId: null })]);
    });

    it('records Bristol and South Gloucestershire only with the decision of a quorate meeting that agreed it', () => {
      spec
        .given([])
        .when(bristolAndSouthGlos({ scopeDecisionId: SCOPE_DECISION_ID, group: agreed }))
        .then([hubCommissioned()]);
    });

    it('is refused with OUT_OF_SCOPE for Bristol and South Gloucestershire without a scope decision', () => {
      spec
        .given([])
        .when(bristolAndSouthGlos())
        .thenFails('OUT_OF_SCOPE', /part of the region needs the group’s agreement/);
    });

    it('is refused with OUT_OF_SCOPE when the decision given is not one the group agreed (at a quorate meeting)', () => {
      spec
        .given([])
        .when(
          bristolAndSouthGlos({
            scopeDecisionId: SCOPE_DECISION_ID,
            group: workstreamGroup({ scopeDecisionAgreed: false }),
          }),
        )
        .thenFails('OUT_OF_SCOPE');
    });

    it('is refused with OUT_OF_SCOPE when the group agreed but no decision id is given', () => {
      spec
        .given([])
        .when(bristolAndSouthGlos({ scopeDecisionId: null, group: agreed }))
        .thenFails('OUT_OF_SCOPE');
      spec
        .given([])
        .when(bristolAndSouthGlos({ scopeDecisionId: '', group: agreed }))
        .thenFails('OUT_OF_SCOPE');
    });

    it.each([
      ['one area (Somerset)', ['somerset']],
      ['four of the five areas', ['banes', 'bristol', 'north-somerset', 'somerset']],
    ])('treats %s as sub-regional', (_what, areaIds) => {
      spec.given([]).when(commission({ areaIds })).thenFails('OUT_OF_SCOPE');
    });

    it('treats the five areas named twice as the whole region', () => {
      spec
        .given([])
        .when(commission({ areaIds: [...ALL_AREA_IDS, ...ALL_AREA_IDS] }))
        .then([workstreamCommissioned()]);
    });
  });
});

describe('A workstream that was never commissioned', () => {
  const others: WorkstreamCommandUnion[] = [
    workstreamCommand('AddWorkstreamMember', { personId: 'chris-sivers', member: workstreamMember(chrisSivers) }),
    workstreamCommand('RemoveWorkstreamMember', { personId: 'chris-sivers', actorMayReadTasks: false }),
    workstreamCommand('ChangeWorkstreamLead', {
      personId: 'chris-sivers',
      lead: workstreamMember(chrisSivers),
      leadPartnerId: 'south-glos-council',
      partners: groupPartners(),
    }),
    workstreamCommand('ReportWorkstreamStatus', { rag: 'GREEN', note: 'On track.' }),
    workstreamCommand('AddTask', {
      taskId: 'task-1',
      title: 'A task',
      description: '',
      ownerId: 'chris-sivers',
      dueDate: '2020-03-31',
    }),
    workstreamCommand('StartTask', { taskId: 'task-1' }),
    workstreamCommand('BlockTask', { taskId: 'task-1', reason: 'Waiting.' }),
    workstreamCommand('UnblockTask', { taskId: 'task-1' }),
    workstreamCommand('CompleteTask', { taskId: 'task-1' }),
    workstreamCommand('CancelTask', { taskId: 'task-1', reason: 'Not needed.' }),
    workstreamCommand('ReassignTask', { taskId: 'task-1', ownerId: 'sheila-smith' }),
    workstreamCommand('ChangeTaskDueDate', { taskId: 'task-1', dueDate: '2020-04-30', reason: 'Later.' }),
    workstreamCommand('CarryTaskOut', {
      taskId: 'task-1',
      toWorkstreamId: 'ws-resources',
      target: {
        groupId: GROUP_ID,
        open: true,
        knowsTask: false,
        ...taskOwners(willWhite, [chrisSivers]),
        since: '2019-09-01',
      },
    }),
    workstreamCommand('CarryTaskIn', {
      fromWorkstreamId: 'ws-resources',
      carriedOutHere: true,
      changedOn: '2020-04-01',
      task: {
        taskId: 'task-1',
        title: 'A task',
        description: '',
        ownerId: 'chris-sivers',
        dueDate: '2020-03-31',
        status: 'TO_DO',
        blockedReason: null,
      },
    }),
    workstreamCommand('CloseWorkstream', { outcomeReport: 'Done.' }),
  ];

  it.each(others.map((command) => [command.type, command] as const))('refuses %s with NOT_FOUND', (_type, command) => {
    spec
      .given([])
      .when(command)
      .thenFails('NOT_FOUND', /There is no such workstream/);
  });
});
