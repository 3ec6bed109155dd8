import { calendarSubscriptionText } from './calendar-subscription';

const ISSUED = {
  tokenId: 'a1b2',
  personName: 'Sheila Smith',
  token: 'cal_secret',
  groupIds: ['0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54'],
};

describe('calendarSubscriptionText', () => {
  it('given the platform’s public address, when a calendar token is issued, then it prints the full address for the person’s group', () => {
    const text = calendarSubscriptionText(ISSUED, 'https://platform.example');

    expect(text.split('\n')).toEqual([
      'Calendar token a1b2 for Sheila Smith; shown this once:',
      'cal_secret',
      'Subscribe to https://platform.example/groups/0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54/calendar.ics?token=cal_secret',
      '',
    ]);
  });

  it('given a public address with a path, when a calendar token is issued, then the path is kept', () => {
    const text = calendarSubscriptionText(ISSUED, 'https://council.example/safeguarding/');

    expect(text).toContain(
      'Subscribe to https://council.example/safeguarding/groups/0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54/calendar.ics?token=cal_secret',
    );
  });

  it('given no public address, when a calendar token is issued, then it says which setting gives the full address', () => {
    const text = calendarSubscriptionText(ISSUED, null);

    expect(text).toContain(
      "Subscribe to the platform's address followed by /groups/0b6c2f8e-4a53-4c1e-9f0e-2d7c9a1b3e54/calendar.ics?token=cal_secret",
    );
    expect(text).toContain('Set PUBLIC_URL');
    expect(text).not.toContain('<');
  });

  it('given a person who may read no group, when a calendar token is issued, then it says so rather than an address', () => {
    const text = calendarSubscriptionText({ ...ISSUED, groupIds: [] }, 'https://platform.example');

    expect(text).toContain("Sheila Smith may read no group's calendar yet.");
    expect(text).not.toContain('Subscribe');
  });
});
