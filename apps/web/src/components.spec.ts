import { acknowledgeCell, button, checkbox, dateInput, datePartsOf, forPeople, readDate } from './components';

describe('the date input', () => {
  const read = (day: string, month: string, year: string) =>
    readDate({ 'asAt-day': day, 'asAt-month': month, 'asAt-year': year }, 'asAt', 'The date');

  it('given a real day typed without leading zeros or with spaces, then it reads as YYYY-MM-DD', () => {
    expect(read('1', '3', '2020')).toMatchObject({ date: '2020-03-01', error: null });
    expect(read(' 31 ', '12', '2026')).toMatchObject({ date: '2026-12-31', error: null });
  });

  it('given three empty fields or none at all, then there is no date and nothing wrong', () => {
    expect(read('', '', '')).toMatchObject({ date: null, error: null });
    expect(readDate({}, 'asAt', 'The date')).toMatchObject({ date: null, error: null });
  });

  it('given a date with parts missing, then it says which, marks them and links to the first', () => {
    expect(read('', '3', '2020').error).toEqual({ field: 'asAt', text: 'The date must include a day', parts: ['day'] });
    expect(read('1', '', '').error).toEqual({
      field: 'asAt-month',
      text: 'The date must include a month and year',
      parts: ['month', 'year'],
    });
  });

  it('given a day that cannot be, then it must be a real date, marking the field that is wrong', () => {
    expect(read('29', '2', '2026').error).toMatchObject({ text: 'The date must be a real date', parts: ['day'] });
    expect(read('1', '13', '2026').error).toMatchObject({ field: 'asAt-month', parts: ['month'] });
    expect(read('1', 'March', '2026').error).toMatchObject({ text: 'The date must be a real date', parts: ['month'] });
    expect(read('1', '3', '0000').error).toMatchObject({ field: 'asAt-year', parts: ['year'] });
  });

  it('given a year of other than 4 numbers, then the year must include 4 numbers', () => {
    expect(read('1', '3', '26').error).toEqual({
      field: 'asAt-year',
      text: 'Year must include 4 numbers',
      parts: ['year'],
    });
  });

  it('given a form whose date input has an id of its own, then the error links to that id’s fields', () => {
    const fields = { 'decidedOn-day': '1', 'decidedOn-month': '', 'decidedOn-year': '2026' };
    expect(readDate(fields, 'decidedOn', 'The date', 'c42-decided-on').error).toMatchObject({
      field: 'c42-decided-on-month',
    });
    expect(readDate({ ...fields, 'decidedOn-day': '' }, 'decidedOn', 'The date', 'c42-decided-on').error).toMatchObject(
      {
        field: 'c42-decided-on',
      },
    );
  });

  it('given a day, when shown in a date input, then its fields hold it as people type it', () => {
    expect(datePartsOf('2026-03-07')).toEqual({ day: '7', month: '3', year: '2026' });
    expect(datePartsOf('2026-12-31')).toEqual({ day: '31', month: '12', year: '2026' });
  });

  it('marks only the fields the error names, and shows back what was typed', () => {
    const markup = dateInput({
      id: 'asAt',
      name: 'asAt',
      label: 'As at',
      typed: { day: '1', month: '', year: 'x' },
      errors: [{ field: 'asAt-month', text: 'The date must include a month', parts: ['month'] }],
    }).value;
    expect(markup).toMatch(/govuk-input--error"\s+id="asAt-month"/);
    expect(markup).not.toMatch(/govuk-input--error"\s+id="asAt"/);
    expect(markup).toContain('value="x"');
    expect(markup).toContain('The date must include a month');
  });

  it('shows a date back in its three fields, escaped, with the error linked from the summary to the day', () => {
    const markup = dateInput({
      id: 'asAt',
      name: 'asAt',
      label: 'As at',
      typed: { day: '"31', month: '5', year: '2019' },
      errors: [{ field: 'asAt', text: 'Before the group existed' }],
    }).value;
    expect(markup).toContain('id="asAt"');
    expect(markup).toContain('name="asAt-year"');
    expect(markup).toContain('value="2019"');
    expect(markup).toContain('value="&quot;31"');
    expect(markup).toContain('Before the group existed');
  });
});

describe('the checkbox', () => {
  it('is ticked when asked, labelled, and linked to its hint', () => {
    const options = {
      id: 'restricted',
      name: 'restricted',
      legend: 'Who may read it',
      label: 'Restricted',
      errors: [],
    };
    const ticked = checkbox({ ...options, hint: 'Members only.', checked: true }).value;
    expect(ticked).toMatch(/type="checkbox"\s+value="yes"\s+checked/);
    expect(ticked).toContain('aria-describedby="restricted-hint"');
    expect(ticked).toContain('<label class="govuk-label govuk-checkboxes__label" for="restricted">Restricted</label>');
    expect(checkbox({ ...options, checked: false }).value).not.toContain('checked');
  });
});

describe('the button', () => {
  it('given only its words, then it is a primary submit button', () => {
    expect(button('Sign in').value).toBe(
      '<button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button>',
    );
  });

  it('given a kind, an id and spacing, then its classes and id say so', () => {
    expect(button('Acknowledge', 'secondary', { id: 'acknowledge-1', spacing: 'govuk-!-margin-bottom-0' }).value).toBe(
      '<button type="submit" class="govuk-button govuk-button--secondary govuk-!-margin-bottom-0" id="acknowledge-1" data-module="govuk-button">Acknowledge</button>',
    );
  });

  it('given hidden words, then screen readers hear them after its own, escaped like all text', () => {
    expect(button('Block task', 'warning', { hidden: 'Draft <the> “protocol”' }).value).toBe(
      '<button type="submit" class="govuk-button govuk-button--warning" data-module="govuk-button">Block task<span class="govuk-visually-hidden"> Draft &lt;the&gt; “protocol”</span></button>',
    );
  });
});

describe('the acknowledge cell', () => {
  const options = {
    csrfToken: 'csrf-1',
    action: '/groups/g-1/inbox/acknowledge',
    item: { name: 'itemId', value: 'item-7' },
    spokenAs: 'Escalation “<late>” from Bristol',
  };

  it('given a reader who may acknowledge, then it is a form posting the item to the action, its button named for the item', () => {
    const markup = acknowledgeCell({ ...options, mayAcknowledge: true }).value;
    expect(markup).toMatch(
      /^<form method="post" action="\/groups\/g-1\/inbox\/acknowledge" class="app-inline-form" novalidate>/,
    );
    expect(markup).toContain('<input type="hidden" name="_csrf" value="csrf-1" />');
    expect(markup).toMatch(/<input type="hidden" name="idempotencyKey" value="[0-9a-f-]{36}" \/>/);
    expect(markup).toContain('<input type="hidden" name="itemId" value="item-7" />');
    expect(markup).toContain(
      button('Acknowledge', 'secondary', {
        hidden: 'Escalation “<late>” from Bristol',
        id: 'acknowledge-item-7',
        spacing: 'govuk-!-margin-bottom-0',
      }).value,
    );
    expect(markup).toContain('&lt;late&gt;');
  });

  it('given a reader who may not, then it says the item is not acknowledged yet, with no form', () => {
    expect(acknowledgeCell({ ...options, mayAcknowledge: false }).value).toBe('Not yet');
  });
});

describe('a title, for people', () => {
  it('given a day the platform added to the end of a title it built, then it reads as people in England write it', () => {
    expect(forPeople({ kind: 'MINUTES_PUBLISHED', title: 'Minutes of the meeting of 2026-03-12' })).toBe(
      'Minutes of the meeting of 12 March 2026',
    );
    expect(
      forPeople({ kind: 'MINUTES_CORRECTED', title: 'Correction to the minutes of the meeting of 2026-03-12' }),
    ).toBe('Correction to the minutes of the meeting of 12 March 2026');
    expect(
      forPeople({ kind: 'POLICY_PUBLISHED', title: 'Escalation procedure, version 1, effective 2026-12-01' }),
    ).toBe('Escalation procedure, version 1, effective 1 December 2026');
    expect(forPeople({ kind: 'COMMUNICATION', title: 'Safeguarding adolescents week (cascade by 2026-12-05)' })).toBe(
      'Safeguarding adolescents week (cascade by 5 December 2026)',
    );
    expect(
      forPeople({ kind: 'NOTICE_TO_LEAVE', title: 'Avon Police has given notice to leave, effective 2027-03-31' }),
    ).toBe('Avon Police has given notice to leave, effective 31 March 2027');
  });

  it('given a rapid review’s decision the platform added, then it reads as Working Together words it', () => {
    const decision = (title: string) => forPeople({ kind: 'PRACTICE_REVIEW_DECISION', title });
    expect(decision('Rapid review decision on SOM-2025-04: NATIONAL_PANEL_REFERRAL')).toBe(
      'Rapid review decision on SOM-2025-04: national panel referral',
    );
    expect(decision('Rapid review decision on SOM-2025-05: NO_REVIEW')).toBe(
      'Rapid review decision on SOM-2025-05: no review',
    );
    expect(decision('Rapid review decision on BRS-2025-11: LCSPR')).toBe(
      'Rapid review decision on BRS-2025-11: local child safeguarding practice review',
    );
    // A code that is no decision is not the platform's addition: it stays as it is.
    expect(decision('Rapid review decision on BRS-2025-12: LOCAL_AUTHORITY')).toBe(
      'Rapid review decision on BRS-2025-12: LOCAL_AUTHORITY',
    );
  });

  it('given a title a person typed in full, then it stays exactly as typed, even ending in a day or a decision', () => {
    for (const title of [
      'Rota gap since 2026-01-05',
      'Paediatric cover (from 2026-01-05)',
      'Panel said: NO_REVIEW',
      'Concerns: LOCAL_AUTHORITY',
      'From 2026-01-05 the CP_MEDICALS rota has one paediatrician',
    ]) {
      expect(forPeople({ kind: 'ESCALATION', title })).toBe(title);
      expect(forPeople({ kind: 'LOCAL_DECISION', title })).toBe(title);
    }
  });

  it('given codes and days a person typed before what the platform added, then they stay exactly as typed', () => {
    expect(
      forPeople({
        kind: 'POLICY_PUBLISHED',
        title: 'Protocol of 2025-04-01 for LOCAL_AUTHORITY staff, version 2, effective 2026-12-01',
      }),
    ).toBe('Protocol of 2025-04-01 for LOCAL_AUTHORITY staff, version 2, effective 1 December 2026');
    expect(forPeople({ kind: 'COMMUNICATION', title: 'Review of NHS_111 pathway (cascade by 2026-12-05)' })).toBe(
      'Review of NHS_111 pathway (cascade by 5 December 2026)',
    );
  });

  it('leaves alone the titles of kinds that add no day or decision, and impossible days', () => {
    for (const [kind, title] of [
      ['YEARLY_REPORT', 'Yearly report 2025-26'],
      ['PERFORMANCE_FIGURES', 'Missing children return interviews (BNSSG), 2026-Q1'],
      ['WORKSTREAM_COMMISSIONED', 'Workstream commissioned: Neglect strategy (standing group)'],
      ['TREE_HEAD', 'Signed tree head: 42 events, root 9f86d081884c7d65'],
      ['MINUTES_PUBLISHED', 'Minutes of a meeting'],
      ['MINUTES_PUBLISHED', 'Minutes of the meeting of 2026-02-30'],
    ])
      expect(forPeople({ kind, title })).toBe(title);
  });
});
