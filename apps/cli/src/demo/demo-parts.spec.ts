import { loadDemoParts } from './demo-parts';
import { DemoContext } from './load-demo';

describe("the demo's parts", () => {
  /** A context that keeps what was sent and answers nothing: the refusals come before any request. */
  const given = () => {
    const sent: string[] = [];
    const context: DemoContext = {
      send: (query: string) => {
        sent.push(query);
        return Promise.reject(new Error('no api in this specification'));
      },
      administratorToken: 'administrator',
      tokenFor: (personId: string) => Promise.resolve(personId),
    };
    return { context, sent };
  };

  it('when a part is asked for without the part it needs, then it is refused before anything is sent', async () => {
    for (const [parts, message] of [
      [['workstreams'], "the demo's workstreams need its meetings loaded too"],
      [['meetings', 'localArrangements'], "the demo's localArrangements need its policies loaded too"],
      [['reportsUp'], "the demo's reportsUp need its policies loaded too"],
    ] as const) {
      const { context, sent } = given();
      await expect(loadDemoParts(context, '2026-11-23', parts)).rejects.toThrow(message);
      expect(sent).toEqual([]);
    }
  });

  it('when the parts asked for have what they need, then it starts on the membership', async () => {
    const { context, sent } = given();
    await expect(loadDemoParts(context, '2026-11-23', ['policies', 'reportsUp'])).rejects.toThrow(
      'no api in this specification',
    );
    expect(sent).toHaveLength(1);
    expect(sent[0]).toContain('establishRegionalGroup');
  });
});
