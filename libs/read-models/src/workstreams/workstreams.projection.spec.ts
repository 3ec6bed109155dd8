import { TaskRecord, WorkstreamEvent, workstreamStream } from '@app/domain';
import {
  actorFor,
  AREAS,
  GROUP_ID,
  REPRESENTATIVES,
  RESOURCES_WORKSTREAM_ID,
  resourcesWorkstreamCommissioned,
  runningWorkstream,
  taskAdded,
  WORKSTREAM_ID,
  workstreamCommissioned,
  workstreamMember,
  workstreamMemberAdded,
  workstreamMemberRemoved,
} from '@app/domain/testing/avon-and-somerset.fixture';
import { inStream, projectionSpec, RECORDED_AT } from '../testing/projection-spec';
import { workstreamsProjection } from './workstreams.projection';

const spec = projectionSpec(workstreamsProjection);
/** Events of the procedures workstream, sent by its lead, Will White. */
const procedures = (...events: WorkstreamEvent[]) =>
  inStream(workstreamStream(WORKSTREAM_ID), events, { actor: actorFor(REPRESENTATIVES.willWhite) });
const resources = (...events: WorkstreamEvent[]) => inStream(workstreamStream(RESOURCES_WORKSTREAM_ID), events);
const TASK = 'task-1';
const withTask = [...runningWorkstream, taskAdded()];
const { addedOn: _addedOn, ...added } = taskAdded().data;
const task = (status: TaskRecord['status']): TaskRecord => ({ ...added, status, blockedReason: null });
/** The day each task change below happened. */
const changedOn = '2020-02-03';

describe('the workstreams projection', () => {
  it('records a commissioned workstream with its lead and the areas it concerns', () =>
    spec
      .given()
      .when(procedures(workstreamCommissioned()))
      .then({
        workstreams: [
          {
            workstream_id: WORKSTREAM_ID,
            group_id: GROUP_ID,
            name: 'Regional child protection procedures',
            kind: 'TASK_AND_FINISH',
            lead_partner_id: 'police',
            lead_person_id: 'will-white',
            lead_name: 'Will White',
            start_date: '2020-01-15',
            end_date: '2020-09-30',
            scope_decision_id: null,
            status: 'ACTIVE',
            sort_key: 1,
          },
        ],
        workstream_areas: Object.values(AREAS).map((area) => ({ workstream_id: WORKSTREAM_ID, area_id: area.areaId })),
      }));

  it('adds and removes members, changes the lead and records status reports', () =>
    spec
      .given(procedures(...runningWorkstream))
      .when(
        procedures(
          workstreamMemberRemoved('chris-sivers'),
          workstreamMemberAdded(REPRESENTATIVES.julianWooster),
          {
            type: 'WorkstreamLeadChanged',
            data: {
              leadPartnerId: 'bnssg-ccg',
              lead: workstreamMember(REPRESENTATIVES.janetBaptisteGrant),
              changedOn: '2020-03-01',
            },
          },
          {
            type: 'WorkstreamStatusReported',
            data: { rag: 'AMBER', note: 'Somerset mapping late.', reportedOn: '2020-03-12' },
          },
        ),
      )
      .then({
        workstream_members: [
          { person_id: 'sheila-smith', name: 'Sheila Smith' },
          { person_id: 'julian-wooster', name: 'Julian Wooster' },
        ],
        workstreams: [
          { lead_partner_id: 'bnssg-ccg', lead_person_id: 'janet-baptiste-grant', lead_name: 'Janet Baptiste-Grant' },
        ],
        workstream_reports: [
          { workstream_id: WORKSTREAM_ID, rag: 'AMBER', note: 'Somerset mapping late.', reported_on: '2020-03-12' },
        ],
      }));

  it('dates a report recorded with the moment it was made by that moment’s day in London', () =>
    spec
      .given(procedures(...runningWorkstream))
      .when(
        procedures({
          type: 'WorkstreamStatusReported',
          data: { rag: 'GREEN', note: 'On track.', reportedOn: '2020-06-11T23:30:00.000Z' },
        }),
      )
      .then({ workstream_reports: [{ rag: 'GREEN', reported_on: '2020-06-12' }] }));

  it('adds a task to do, with its history entry naming who added it and when', () =>
    spec
      .given(procedures(...runningWorkstream))
      .when(procedures(taskAdded()))
      .then({
        tasks: [
          {
            task_id: TASK,
            workstream_id: WORKSTREAM_ID,
            owner_id: 'chris-sivers',
            due_date: '2020-03-31',
            status: 'TO_DO',
            blocked_reason: null,
            sort_key: 4,
          },
        ],
        task_history: [
          {
            task_id: TASK,
            position: 4,
            change: 'ADDED',
            detail: "Map the five areas' child protection procedures",
            happened_on: '2020-01-20',
            occurred_at: RECORDED_AT,
            person_id: 'will-white',
          },
        ],
      }));

  it('moves a task through started, blocked, unblocked and done, keeping each step', () =>
    spec
      .given(procedures(...withTask))
      .when(
        procedures(
          { type: 'TaskStarted', data: { taskId: TASK, changedOn } },
          { type: 'TaskBlocked', data: { taskId: TASK, reason: 'Waiting for Somerset.', changedOn } },
          { type: 'TaskUnblocked', data: { taskId: TASK, changedOn } },
          { type: 'TaskCompleted', data: { taskId: TASK, changedOn } },
        ),
      )
      .then({
        tasks: [{ status: 'DONE', blocked_reason: null }],
        task_history: [
          { change: 'ADDED', detail: taskAdded().data.title },
          { change: 'STARTED', detail: null },
          { change: 'BLOCKED', detail: 'Waiting for Somerset.' },
          { change: 'UNBLOCKED', detail: null },
          { change: 'COMPLETED', detail: null },
        ].map((entry) => ({ task_id: TASK, ...entry })),
      }));

  it('keeps a blocked task’s reason while it is blocked', () =>
    spec
      .given(procedures(...withTask, { type: 'TaskStarted', data: { taskId: TASK, changedOn } }))
      .when(procedures({ type: 'TaskBlocked', data: { taskId: TASK, reason: 'Waiting for Somerset.', changedOn } }))
      .then({ tasks: [{ status: 'BLOCKED', blocked_reason: 'Waiting for Somerset.' }] }));

  it('reassigns a task, moves its due date with the reason, and cancels it', () =>
    spec
      .given(procedures(...withTask))
      .when(
        procedures(
          { type: 'TaskReassigned', data: { taskId: TASK, ownerId: 'sheila-smith', changedOn } },
          { type: 'TaskDueDateChanged', data: { taskId: TASK, dueDate: '2020-04-30', reason: 'Covid-19.', changedOn } },
          {
            type: 'TaskCancelled',
            data: { taskId: TASK, reason: 'Superseded by the national procedures.', changedOn },
          },
        ),
      )
      .then({
        tasks: [{ owner_id: 'sheila-smith', due_date: '2020-04-30', status: 'CANCELLED' }],
        task_history: [
          { change: 'ADDED', detail: "Map the five areas' child protection procedures" },
          { change: 'REASSIGNED', detail: 'sheila-smith' },
          { change: 'DUE_DATE_CHANGED', detail: '2020-04-30: Covid-19.' },
          { change: 'CANCELLED', detail: 'Superseded by the national procedures.' },
        ],
      }));

  it('carries a task to the Resources workstream, recording both ends on the day it was carried, then closes with an outcome report (W3)', () =>
    spec
      .given(procedures(...withTask), resources(resourcesWorkstreamCommissioned()))
      .when(
        procedures({
          type: 'TaskCarriedOut',
          data: { taskId: TASK, toWorkstreamId: RESOURCES_WORKSTREAM_ID, task: task('TO_DO'), changedOn },
        }),
        resources({
          type: 'TaskCarriedIn',
          data: { task: task('TO_DO'), fromWorkstreamId: WORKSTREAM_ID, changedOn },
        }),
        procedures({
          type: 'WorkstreamClosed',
          data: { outcomeReport: 'Procedures published.', closedOn: '2020-09-30' },
        }),
      )
      .then({
        tasks: [{ task_id: TASK, workstream_id: RESOURCES_WORKSTREAM_ID, status: 'TO_DO' }],
        task_history: [
          {
            workstream_id: WORKSTREAM_ID,
            change: 'ADDED',
            detail: taskAdded().data.title,
            happened_on: '2020-01-20',
            occurred_at: RECORDED_AT,
          },
          {
            workstream_id: WORKSTREAM_ID,
            change: 'CARRIED_OUT',
            detail: RESOURCES_WORKSTREAM_ID,
            happened_on: changedOn,
            occurred_at: RECORDED_AT,
          },
          {
            workstream_id: RESOURCES_WORKSTREAM_ID,
            change: 'CARRIED_IN',
            detail: WORKSTREAM_ID,
            happened_on: changedOn,
            occurred_at: RECORDED_AT,
          },
        ],
        // In the procedures workstream until the day it was carried, in Resources from that day.
        task_states: [
          { workstream_id: WORKSTREAM_ID, valid_from: '2020-01-20', valid_to: null, recorded_to: 6 },
          { workstream_id: WORKSTREAM_ID, valid_from: '2020-01-20', valid_to: changedOn, recorded_to: null },
          { workstream_id: WORKSTREAM_ID, valid_from: changedOn, valid_to: null, recorded_to: 7 },
          { workstream_id: RESOURCES_WORKSTREAM_ID, valid_from: changedOn, valid_to: null, recorded_to: null },
        ],
        workstreams: [
          {
            workstream_id: WORKSTREAM_ID,
            status: 'CLOSED',
            outcome_report: 'Procedures published.',
            closed_on: '2020-09-30',
          },
          { workstream_id: RESOURCES_WORKSTREAM_ID, status: 'ACTIVE', outcome_report: null, closed_on: null },
        ],
      }));

  it('records steps of a task it has never seen in its history, and invents no task or workstream', () =>
    spec
      .given()
      .when(
        procedures(workstreamMemberAdded(REPRESENTATIVES.chrisSivers), {
          type: 'TaskCompleted',
          data: { taskId: TASK, changedOn },
        }),
      )
      .then({
        workstreams: [],
        tasks: [],
        workstream_members: [{ workstream_id: WORKSTREAM_ID, person_id: 'chris-sivers' }],
        task_history: [{ task_id: TASK, change: 'COMPLETED' }],
      }));

  it('keeps its lead, status and members from the day each changed, though entered later, a later change closing what held before (A3)', () =>
    spec
      .given(procedures(...runningWorkstream))
      .when(
        inStream(workstreamStream(WORKSTREAM_ID), workstreamMemberRemoved('chris-sivers', '2020-05-20'), {
          occurredAt: '2020-06-01T09:00:00.000Z',
        }),
        inStream(
          workstreamStream(WORKSTREAM_ID),
          {
            type: 'WorkstreamLeadChanged',
            data: {
              leadPartnerId: REPRESENTATIVES.julianWooster.partnerId,
              lead: workstreamMember(REPRESENTATIVES.julianWooster),
              changedOn: '2020-05-25',
            },
          },
          { occurredAt: '2020-06-01T09:05:00.000Z' },
        ),
        inStream(
          workstreamStream(WORKSTREAM_ID),
          { type: 'WorkstreamClosed', data: { outcomeReport: 'Procedures published.', closedOn: '2020-09-30' } },
          { occurredAt: '2020-10-01T09:00:00.000Z' },
        ),
      )
      .then({
        workstream_states: [
          // Commissioned in January, entered in March: it holds from its start.
          {
            status: 'ACTIVE',
            lead_person_id: 'will-white',
            valid_from: '2020-01-15',
            valid_to: null,
            recorded_from: 1,
            recorded_to: 5,
          },
          {
            status: 'ACTIVE',
            lead_person_id: 'will-white',
            valid_from: '2020-01-15',
            valid_to: '2020-05-25',
            recorded_from: 5,
            recorded_to: null,
          },
          {
            status: 'ACTIVE',
            lead_person_id: REPRESENTATIVES.julianWooster.personId,
            valid_from: '2020-05-25',
            valid_to: null,
            recorded_from: 5,
            recorded_to: 6,
          },
          {
            status: 'ACTIVE',
            lead_person_id: REPRESENTATIVES.julianWooster.personId,
            valid_from: '2020-05-25',
            valid_to: '2020-09-30',
            recorded_from: 6,
            recorded_to: null,
          },
          {
            status: 'CLOSED',
            lead_person_id: REPRESENTATIVES.julianWooster.personId,
            valid_from: '2020-09-30',
            valid_to: null,
            recorded_from: 6,
            recorded_to: null,
          },
        ],
        // Members added on its first day, entered in March: they hold from the day they were added.
        workstream_memberships: [
          { person_id: 'chris-sivers', valid_from: '2020-01-15', valid_to: null, recorded_from: 2, recorded_to: 4 },
          { person_id: 'sheila-smith', valid_from: '2020-01-15', valid_to: null, recorded_from: 3, recorded_to: null },
          {
            person_id: 'chris-sivers',
            valid_from: '2020-01-15',
            valid_to: '2020-05-20',
            recorded_from: 4,
            recorded_to: null,
          },
        ],
      }));

  it('holds a workstream closed from the day it closed, entered later, and keeps the moment the closing was recorded', () =>
    spec
      .given(procedures(...runningWorkstream))
      .when(
        inStream(
          workstreamStream(WORKSTREAM_ID),
          { type: 'WorkstreamClosed', data: { outcomeReport: 'Procedures published.', closedOn: '2020-06-30' } },
          { occurredAt: '2020-07-20T09:00:00.000Z' },
        ),
      )
      .then({
        workstreams: [{ status: 'CLOSED', closed_on: '2020-06-30', closed_at: '2020-07-20T09:00:00.000Z' }],
        workstream_states: [
          { status: 'ACTIVE', valid_from: '2020-01-15', valid_to: null, recorded_from: 1, recorded_to: 4 },
          { status: 'ACTIVE', valid_from: '2020-01-15', valid_to: '2020-06-30', recorded_from: 4, recorded_to: null },
          { status: 'CLOSED', valid_from: '2020-06-30', valid_to: null, recorded_from: 4, recorded_to: null },
        ],
      }));

  it('keeps each task’s status from the day each change happened, though all were entered later', () =>
    spec
      .given(procedures(...withTask))
      .when(
        procedures(
          { type: 'TaskStarted', data: { taskId: TASK, changedOn: '2020-02-20' } },
          { type: 'TaskBlocked', data: { taskId: TASK, reason: 'Waiting for Somerset.', changedOn: '2020-02-25' } },
        ),
      )
      .then({
        task_states: [
          {
            status: 'TO_DO',
            blocked_reason: null,
            valid_from: '2020-01-20',
            valid_to: null,
            recorded_from: 4,
            recorded_to: 5,
          },
          {
            status: 'TO_DO',
            blocked_reason: null,
            valid_from: '2020-01-20',
            valid_to: '2020-02-20',
            recorded_from: 5,
            recorded_to: null,
          },
          {
            status: 'IN_PROGRESS',
            blocked_reason: null,
            valid_from: '2020-02-20',
            valid_to: null,
            recorded_from: 5,
            recorded_to: 6,
          },
          {
            status: 'IN_PROGRESS',
            blocked_reason: null,
            valid_from: '2020-02-20',
            valid_to: '2020-02-25',
            recorded_from: 6,
            recorded_to: null,
          },
          {
            status: 'BLOCKED',
            blocked_reason: 'Waiting for Somerset.',
            valid_from: '2020-02-25',
            valid_to: null,
            recorded_from: 6,
            recorded_to: null,
          },
        ],
      }));
});
