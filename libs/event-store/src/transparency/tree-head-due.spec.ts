import { treeHeadDue } from './tree-head-due';

const at = (time: string) => new Date(time);

describe('when a signed tree head is due (A4)', () => {
  it('given an empty log, when checked, then nothing is signed', () => {
    expect(treeHeadDue({ lastHeadAt: null, firstChangeOfLatestDay: null }, at('2026-03-02T09:00:00Z'))).toBe(false);
  });

  it('given changes and no head yet, when checked, then one is due', () => {
    const activity = { lastHeadAt: null, firstChangeOfLatestDay: '2026-03-01T17:00:00.000Z' };
    expect(treeHeadDue(activity, at('2026-03-02T09:00:00Z'))).toBe(true);
  });

  it('given a head from yesterday and no change since, when checked today, then the daily head is due', () => {
    const activity = { lastHeadAt: '2026-03-01T00:01:00.000Z', firstChangeOfLatestDay: '2026-02-27T10:00:00.000Z' };
    expect(treeHeadDue(activity, at('2026-03-02T00:00:30Z'))).toBe(true);
  });

  it("given today's head came before today's first change, when checked, then another is due", () => {
    const activity = { lastHeadAt: '2026-03-02T00:01:00.000Z', firstChangeOfLatestDay: '2026-03-02T09:15:00.000Z' };
    expect(treeHeadDue(activity, at('2026-03-02T09:16:00Z'))).toBe(true);
  });

  it("given a head signed after today's first change, when later changes come, then none is due until tomorrow", () => {
    const activity = { lastHeadAt: '2026-03-02T09:16:00.000Z', firstChangeOfLatestDay: '2026-03-02T09:15:00.000Z' };
    expect(treeHeadDue(activity, at('2026-03-02T17:00:00Z'))).toBe(false);
    expect(treeHeadDue(activity, at('2026-03-03T00:00:00Z'))).toBe(true);
  });

  it('given a head today and no change today, when checked, then none is due', () => {
    const activity = { lastHeadAt: '2026-03-02T00:01:00.000Z', firstChangeOfLatestDay: '2026-03-01T12:00:00.000Z' };
    expect(treeHeadDue(activity, at('2026-03-02T23:59:00Z'))).toBe(false);
  });
});
