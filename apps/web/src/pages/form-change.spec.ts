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

  it('given a refusal about a field the form does not have, when shown, then it is on the form’s first field as the API said it', () => {
    const refusal = new ApiRefusal('VALIDATION_FAILED', 'raisedOn must be a date.', 'raisedOn', {
      problems: [{ field: 'raisedOn', sentence: 'raisedOn must be a date.' }],
    });

    expect(refusalOnFields(refusal, ESCALATION)).toEqual([
      { field: 'escalation-title', text: 'raisedOn must be a date.' },
    ]);
  });
});
