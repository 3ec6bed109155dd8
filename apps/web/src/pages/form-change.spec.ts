import { ApiRefusal } from '../api-client';
import { refusalOnFields } from './form-change';

const ESCALATION = {
  title: { id: 'escalation-title', label: 'Title' },
  detail: { id: 'escalation-detail', label: 'What the region should know' },
};

describe('refusalOnFields', () => {
  it('given input the API refused field by field, when shown on the form, then each error starts with its field’s label', () => {
    const problems = [
      { field: 'title', sentence: 'title must be at most 200 characters long (it has 600).' },
      { field: 'detail', sentence: 'detail must contain a visible character.' },
    ];
    const refusal = new ApiRefusal('VALIDATION_FAILED', 'title must … detail must …', 'title', { problems });

    expect(refusalOnFields(refusal, ESCALATION)).toEqual([
      { field: 'escalation-title', text: 'Title must be at most 200 characters long (it has 600).' },
      { field: 'escalation-detail', text: 'What the region should know must contain a visible character.' },
    ]);
  });

  it('given a malformed id in a field of the form, when shown, then the NOT_FOUND starts with the field’s label', () => {
    const sentence = 'detail names nothing: it must be an id this API gave out.';
    const refusal = new ApiRefusal('NOT_FOUND', sentence, 'detail', { field: 'detail' });

    expect(refusalOnFields(refusal, ESCALATION)).toEqual([
      {
        field: 'escalation-detail',
        text: 'What the region should know names nothing: it must be an id this API gave out.',
      },
    ]);
  });

  it('given a refusal about a field the form does not have, when shown, then it is on the form’s first field as the API said it', () => {
    const refusal = new ApiRefusal('VALIDATION_FAILED', 'raisedOn must be a date.', 'raisedOn', {
      problems: [{ field: 'raisedOn', sentence: 'raisedOn must be a date.' }],
    });

    expect(refusalOnFields(refusal, ESCALATION)).toEqual([
      { field: 'escalation-title', text: 'raisedOn must be a date.' },
    ]);
  });

  it('given a day refused on a field of the form, when shown, then its days read as the page writes days', () => {
    const sentence = "decidedOn (2026-11-01) is before version 1's publication (2026-11-19).";
    const refusal = new ApiRefusal('VALIDATION_FAILED', sentence, 'decidedOn', {
      problems: [{ field: 'decidedOn', sentence }],
    });

    expect(refusalOnFields(refusal, { decidedOn: { id: 'decided-on', label: 'Date of the decision' } })).toEqual([
      {
        field: 'decided-on',
        text: "Date of the decision (1 November 2026) is before version 1's publication (19 November 2026).",
      },
    ]);
  });
});
