import { WorkstreamQueries } from '@app/read-models';
import { LoadedDemo } from '../apps/cli/src/demo/load-demo';
import { LoadedWorkstreams } from '../apps/cli/src/demo/workstreams';
import { startDemoApp } from './support/demo-app';
import { TestApp } from './support/test-app';

interface Offered {
  readonly id: string;
  readonly viewerMayAddTasksFor: { personId: string; name: string }[];
  readonly viewerMayReportStatus: boolean;
}
interface TaskOffered {
  readonly id: string;
  readonly workstreamId: string;
  readonly ownerId: string;
  readonly viewerMayChange: boolean;
}

const OFFERED = 'id viewerMayAddTasksFor { personId name } viewerMayReportStatus';

/**
 * What the reader may do to a workstream today, asked over GraphQL of one workstream and of every
 * workstream and task of a group at once: the demo's task-and-finish group (Jacqui Jensen leading,
 * Chris Sivers, Janet Baptiste-Grant and Victoria Capel members) and a second one, closed today.
 */
describe('what the reader may do to a workstream today, over GraphQL', () => {
  let api: TestApp;
  let demo: LoadedDemo;
  let loaded: LoadedWorkstreams;
  let tokenOf: (key: string) => Promise<string>;
  let closedId: string;
  let closedTaskId: string;
  const person = (key: string) => demo.personIds[key];

  beforeAll(async () => {
    ({ api, demo, workstreams: loaded, tokenOf } = await startDemoApp({ load: ['meetings', 'workstreams'] }));
    const lead = await tokenOf('jacqui-jensen');
    const workstreamOf = async (mutation: string, inputType: string, input: Record<string, unknown>, token: string) =>
      (
        await api.send<Record<string, { id: string; workstreamTasks: { edges: { node: { id: string } }[] } }>>(
          `mutation($input: ${inputType}!) { ${mutation}(input: $input) { id workstreamTasks { edges { node { id } } } } }`,
          { input },
          token,
        )
      )[mutation];
    ({ id: closedId } = await workstreamOf(
      'commissionWorkstream',
      'CommissionWorkstreamInput',
      {
        groupId: demo.groupId,
        name: 'Neglect toolkit refresh',
        kind: 'TASK_AND_FINISH',
        purpose: 'Refresh the regional neglect toolkit.',
        leadPartnerId: demo.partnerIds.bristol,
        leadPersonId: person('jacqui-jensen'),
        areaIds: Object.values(demo.areaIds),
        startDate: '2026-10-01',
        endDate: '2027-03-31',
      },
      await tokenOf('sheila-smith'),
    ));
    await workstreamOf(
      'addWorkstreamMember',
      'AddWorkstreamMemberInput',
      { workstreamId: closedId, personId: person('chris-sivers'), addedOn: '2026-10-01' },
      lead,
    );
    const added = await workstreamOf(
      'addTask',
      'AddTaskInput',
      {
        workstreamId: closedId,
        title: 'Gather the areas’ comments',
        ownerId: person('chris-sivers'),
        dueDate: '2026-11-30',
        addedOn: '2026-10-02',
      },
      lead,
    );
    closedTaskId = added.workstreamTasks.edges[0].node.id;
    await workstreamOf(
      'completeTask',
      'TaskInput',
      { workstreamId: closedId, taskId: closedTaskId, changedOn: '2026-11-02' },
      await tokenOf('chris-sivers'),
    );
    await workstreamOf(
      'closeWorkstream',
      'CloseWorkstreamInput',
      { workstreamId: closedId, outcomeReport: 'The refreshed toolkit is published.' },
      lead,
    );
  });
  afterAll(async () => api.stop());
  afterEach(() => jest.restoreAllMocks());

  /** One workstream as `reader` sees it, with what they may do to it and to each of its tasks. */
  const oneAs = async (reader: string, id: string, asAt: string | null = null) => {
    const { data, errors } = await api.graphql<{
      workstream: Offered & { workstreamTasks: { edges: { node: TaskOffered }[] } };
    }>(
      `query($id: ID!, $asAt: String) { workstream(id: $id, asAt: $asAt) {
        ${OFFERED} workstreamTasks(first: 50) { edges { node { id workstreamId ownerId viewerMayChange } } } } }`,
      { id, asAt },
      await tokenOf(reader),
    );
    expect(errors).toBeUndefined();
    const { workstreamTasks, ...workstream } = data?.workstream as Offered & {
      workstreamTasks: { edges: { node: TaskOffered }[] };
    };
    return { ...workstream, tasks: workstreamTasks.edges.map((edge) => edge.node) };
  };
  const mayChange = (tasks: readonly TaskOffered[]) => tasks.filter((t) => t.viewerMayChange).map((t) => t.ownerId);

  it('offers the lead a task for any of its lead and members, the lead first, the status report and every task', async () => {
    const seen = await oneAs('jacqui-jensen', loaded.taskAndFinishId);
    expect(seen.viewerMayAddTasksFor).toEqual([
      { personId: person('jacqui-jensen'), name: 'Jacqui Jensen' },
      { personId: person('chris-sivers'), name: 'Chris Sivers' },
      { personId: person('janet-baptiste-grant'), name: 'Janet Baptiste-Grant' },
      { personId: person('victoria-capel'), name: 'Victoria Capel' },
    ]);
    expect(seen.viewerMayReportStatus).toBe(true);
    expect(seen.tasks.map((task) => task.viewerMayChange)).toEqual([true, true, true, true, true]);
  });

  it('offers a member a task for themself only, their own tasks, and no status report', async () => {
    const seen = await oneAs('chris-sivers', loaded.taskAndFinishId);
    expect(seen.viewerMayAddTasksFor).toEqual([{ personId: person('chris-sivers'), name: 'Chris Sivers' }]);
    expect(seen.viewerMayReportStatus).toBe(false);
    expect(mayChange(seen.tasks)).toEqual([person('chris-sivers'), person('chris-sivers')]);
  });

  it('offers nothing to a representative outside the workstream, nor to an auditor, who read it all', async () => {
    for (const reader of ['sheila-smith', 'auditor']) {
      const seen = await oneAs(reader, loaded.taskAndFinishId);
      expect(seen).toMatchObject({ viewerMayAddTasksFor: [], viewerMayReportStatus: false });
      expect(seen.tasks).toHaveLength(5);
      expect(mayChange(seen.tasks)).toEqual([]);
    }
  });

  it('offers nothing on a workstream closed today, not even to its lead (W3)', async () => {
    for (const reader of ['jacqui-jensen', 'chris-sivers']) {
      const seen = await oneAs(reader, closedId);
      expect(seen).toMatchObject({ viewerMayAddTasksFor: [], viewerMayReportStatus: false });
      expect(seen.tasks.map((task) => [task.id, task.viewerMayChange])).toEqual([[closedTaskId, false]]);
    }
  });

  it('offers nothing on a workstream seen as at a past day, which is history, though it was open then', async () => {
    const seen = await oneAs('jacqui-jensen', loaded.taskAndFinishId, '2026-11-01');
    expect(seen).toMatchObject({ viewerMayAddTasksFor: [], viewerMayReportStatus: false });
    expect(seen.tasks).toHaveLength(5);
    expect(mayChange(seen.tasks)).toEqual([]);
    const closedBefore = await oneAs('jacqui-jensen', closedId, '2026-11-01');
    expect(closedBefore).toMatchObject({ viewerMayAddTasksFor: [], viewerMayReportStatus: false });
  });

  it('offers the members to manage to the lead, the chair and an administrator only, and on an open workstream today only', async () => {
    const mayManage = async (token: string, id: string, asAt: string | null = null) => {
      const { data, errors } = await api.graphql<{ workstream: { viewerMayManageMembers: boolean } }>(
        'query($id: ID!, $asAt: String) { workstream(id: $id, asAt: $asAt) { viewerMayManageMembers } }',
        { id, asAt },
        token,
      );
      expect(errors).toBeUndefined();
      return data?.workstream.viewerMayManageMembers;
    };
    const administrator = api.adminToken as string;
    const managers = [await tokenOf('jacqui-jensen'), await tokenOf('sheila-smith'), administrator];
    for (const token of managers) await expect(mayManage(token, loaded.taskAndFinishId)).resolves.toBe(true);
    for (const reader of ['chris-sivers', 'victoria-capel', 'auditor'])
      await expect(mayManage(await tokenOf(reader), loaded.taskAndFinishId)).resolves.toBe(false);
    for (const token of managers) {
      await expect(mayManage(token, closedId)).resolves.toBe(false);
      await expect(mayManage(token, loaded.taskAndFinishId, '2026-11-01')).resolves.toBe(false);
    }
  });

  /** Every workstream of the group and every task the reader may read, in one request. */
  const listAs = async (reader: string) => {
    const { data, errors } = await api.graphql<{
      regionalGroup: { workstreams: (Offered & { name: string })[] };
      tasks: { edges: { node: TaskOffered }[] };
    }>(
      `query($g: ID!) { regionalGroup(id: $g) { workstreams { name ${OFFERED} } }
        tasks(groupId: $g, first: 50) { edges { node { id workstreamId ownerId viewerMayChange } } } }`,
      { g: demo.groupId },
      await tokenOf(reader),
    );
    expect(errors).toBeUndefined();
    const offered = Object.fromEntries(
      (data?.regionalGroup.workstreams ?? []).map((w) => [
        w.name,
        [w.viewerMayAddTasksFor.map((p) => p.name), w.viewerMayReportStatus],
      ]),
    );
    const tasks = (data?.tasks.edges ?? []).map((edge) => edge.node);
    return { workstreams: data?.regionalGroup.workstreams ?? [], offered, tasks };
  };
  const NOTHING = [[], false];

  it('gives each workstream and task of a list its own answer, for the lead of some and a member of others', async () => {
    const jacqui = await listAs('jacqui-jensen');
    expect(jacqui.offered).toEqual({
      'Performance and data analysis': NOTHING,
      'Intelligence sharing and risk reduction': NOTHING,
      'Standing groups': NOTHING,
      'Task and finish activity': [['Jacqui Jensen'], true],
      'Regional policies and procedures': NOTHING,
      'Regional communication': NOTHING,
      Resources: NOTHING,
      'Missing children return interviews (BNSSG)': [
        ['Jacqui Jensen', 'Chris Sivers', 'Janet Baptiste-Grant', 'Victoria Capel'],
        true,
      ],
      'Neglect toolkit refresh': NOTHING,
    });
    const changeable = (tasks: readonly TaskOffered[]) =>
      tasks.map((task) => [task.workstreamId === closedId ? 'closed' : 'open', task.viewerMayChange]);
    expect(changeable(jacqui.tasks)).toEqual([...Array(5).fill(['open', true]), ['closed', false]]);

    const chris = await listAs('chris-sivers');
    expect(chris.offered).toMatchObject({
      'Standing groups': [['Chris Sivers'], true],
      'Task and finish activity': NOTHING,
      'Missing children return interviews (BNSSG)': [['Chris Sivers'], false],
      'Neglect toolkit refresh': NOTHING,
    });
    expect(chris.tasks.filter((task) => task.viewerMayChange).map((task) => task.ownerId)).toEqual([
      person('chris-sivers'),
      person('chris-sivers'),
    ]);
  });

  it('reads the rows of today of a whole list of workstreams once, by the list, and their members in one query, however many fields ask', async () => {
    const workstreams = api.app.get(WorkstreamQueries);
    const listed = jest.spyOn(workstreams, 'workstreamsOfGroups');
    const rows = jest.spyOn(workstreams, 'workstreamsSeen');
    const members = jest.spyOn(workstreams, 'membersOfWorkstreams');
    const { data, errors } = await api.graphql<{ regionalGroup: { workstreams: Offered[] } }>(
      `query($g: ID!) { regionalGroup(id: $g) { workstreams { ${OFFERED} } } }`,
      { g: demo.groupId },
      await tokenOf('jacqui-jensen'),
    );
    expect(errors).toBeUndefined();
    const ids = (data?.regionalGroup.workstreams ?? []).map((w) => w.id);
    expect(ids).toHaveLength(9);
    const today = { on: '2026-11-23', position: null };
    expect(listed.mock.calls).toEqual([[[demo.groupId], today]]);
    // What the reader may do to each finds the row the list read.
    expect(rows).not.toHaveBeenCalled();
    // Members are read only for the workstreams that take changes today: not the closed one.
    expect(members.mock.calls).toEqual([[ids.filter((id) => id !== closedId), today]]);
  });

  it('reads the workstream query’s own row once, what the reader may do to it and its tasks finding it read', async () => {
    const workstreams = api.app.get(WorkstreamQueries);
    const rows = jest.spyOn(workstreams, 'workstreamsSeen');
    const members = jest.spyOn(workstreams, 'membersOfWorkstreams');
    const seen = await oneAs('chris-sivers', loaded.taskAndFinishId);
    expect(seen.tasks).toHaveLength(5);
    const today = { on: '2026-11-23', position: null };
    expect(rows.mock.calls).toEqual([[[loaded.taskAndFinishId], today]]);
    expect(members.mock.calls).toEqual([[[loaded.taskAndFinishId], today]]);
  });

  it('reads again only a workstream a task asks of, in a request whose tasks and workstreams both ask what the reader may do', async () => {
    const workstreams = api.app.get(WorkstreamQueries);
    const rows = jest.spyOn(workstreams, 'workstreamsSeen');
    const members = jest.spyOn(workstreams, 'membersOfWorkstreams');
    const { workstreams: listed, tasks } = await listAs('jacqui-jensen');
    expect(tasks).toHaveLength(6);
    const ids = listed.map((w) => w.id).sort();
    const read = (spy: jest.SpyInstance) => spy.mock.calls.flatMap(([asked]: [string[]]) => asked).sort();
    // A workstream with no task is read by the group's list alone; one a task asks of may be read
    // for the task before the list is answered, in one batch at most.
    expect(rows.mock.calls.length).toBeLessThanOrEqual(1);
    const asked = [...new Set(tasks.map((task) => task.workstreamId))];
    expect(asked).toHaveLength(2);
    expect(asked).toEqual(expect.arrayContaining(read(rows)));
    expect(members.mock.calls.length).toBeLessThanOrEqual(2);
    expect(read(members)).toEqual(ids.filter((id) => id !== closedId));
  });
});
