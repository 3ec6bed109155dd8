import { checkbox, dateFrom, dateInput } from './components';

describe('the date input', () => {
  it('reads day, month and year as YYYY-MM-DD, padding what people type, and nothing when all are empty', () => {
    expect(dateFrom({ 'asAt-day': '1', 'asAt-month': '3', 'asAt-year': '2020' }, 'asAt')).toBe('2020-03-01');
    expect(dateFrom({ 'asAt-day': ' 31 ', 'asAt-month': '12', 'asAt-year': '2026' }, 'asAt')).toBe('2026-12-31');
    expect(dateFrom({ 'asAt-day': '', 'asAt-month': '', 'asAt-year': '' }, 'asAt')).toBeNull();
    expect(dateFrom({}, 'asAt')).toBeNull();
    // Half a date goes to the API as it is, which refuses it with a sentence for the error summary.
    expect(dateFrom({ 'asAt-month': '3', 'asAt-year': '2020' }, 'asAt')).toBe('2020-03-00');
  });

  it('shows a date back in its three fields, escaped, with the error linked from the summary to the day', () => {
    const markup = dateInput({
      id: 'asAt',
      name: 'asAt',
      label: 'As at',
      value: '2019-05-"31',
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
