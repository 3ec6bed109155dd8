import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { freeTextPaths } from './free-text-fields';
import { FieldRedacted, RedactEventField, redactionDecider, RedactionTarget } from './redaction.decider';

const admin: Actor = { personId: 'p-admin', partnerId: null, roles: ['ADMINISTRATOR'] };
const auditor: Actor = { personId: 'p-sam', partnerId: null, roles: ['AUDITOR'] };
const REASON = 'Names a child (R40)';
const blocked: RedactionTarget = { streamId: 'workstream-w1', type: 'TaskBlocked', fields: { reason: 'sealed' } };
const reanchor = { digest: 'd'.repeat(64), hash: 'h'.repeat(64), sealedHash: 's'.repeat(64) };

const redact = (over: Partial<RedactEventField['data']> = {}): RedactEventField => ({
  type: 'RedactEventField',
  data: { eventId: 'e1', field: 'reason', reason: REASON, target: blocked, reanchor: null, actor: admin, ...over },
});
const redacted = (over: Partial<FieldRedacted['data']> = {}): FieldRedacted => ({
  type: 'FieldRedacted',
  data: { eventId: 'e1', streamId: 'workstream-w1', field: 'reason', reason: REASON, reanchor: null, ...over },
});

const spec = specification(redactionDecider);
const given = (events: FieldRedacted[]) => spec.given(events);

describe('redacting a free-text field (A7, R40)', () => {
  it('given a sealed field, when an administrator redacts it, then the redaction is recorded with its reason', () =>
    given([]).when(redact()).then([redacted()]));

  it('given a field recorded before sealing, when it is redacted, then the redaction re-anchors the event', () =>
    given([])
      .when(redact({ target: { ...blocked, fields: { reason: 'plain' } }, reanchor }))
      .then([redacted({ reanchor })]));

  it('given anyone but an administrator, when they redact, then it is refused', () =>
    given([])
      .when(redact({ actor: auditor }))
      .thenFails('FORBIDDEN', /administrator/));

  it('given no event with that id, when it is redacted, then it is not found', () =>
    given([])
      .when(redact({ target: null }))
      .thenFails('NOT_FOUND'));

  it('given a field that is not free text, when it is redacted, then the message names the free-text fields', () =>
    given([])
      .when(redact({ field: 'taskId' }))
      .thenFails('VALIDATION_FAILED', /its free-text fields are reason/));

  it('given an event type with no free text, when it is redacted, then it is refused', () =>
    given([])
      .when(redact({ target: { streamId: 'access-platform', type: 'RoleGranted', fields: {} } }))
      .thenFails('VALIDATION_FAILED', /holds no free text/));

  it('given an optional field left empty, when it is redacted, then there is nothing to redact', () =>
    given([])
      .when(redact({ target: { ...blocked, type: 'RecommendationResponded', fields: {} } }))
      .thenFails('VALIDATION_FAILED', /holds no text/));

  it('given the field already redacted, when it is redacted again, then it is refused', () =>
    given([redacted()])
      .when(redact({ target: { ...blocked, fields: { reason: 'redacted' } } }))
      .thenFails('ALREADY_REDACTED'));

  it('given a redaction recorded after the event was read, when another field is redacted, then it is a conflict', () =>
    given([redacted({ field: 'title' })])
      .when(
        redact({
          field: 'description',
          target: { ...blocked, type: 'TaskAdded', fields: { title: 'plain', description: 'plain' } },
        }),
      )
      .thenFails('CONFLICT'));
});

describe('the free-text fields of an event', () => {
  it('are the declared fields that hold text, nested ones included', () => {
    const task = { taskId: 't', title: 'Audit', description: 'Check', ownerId: 'o', dueDate: '2026-01-01' };
    expect(freeTextPaths('TaskCarriedIn', { task: { ...task, blockedReason: null }, fromWorkstreamId: 'w' })).toEqual([
      'task.title',
      'task.description',
    ]);
    expect(freeTextPaths('RoleGranted', { personId: 'p', role: 'AUDITOR', areaId: null })).toEqual([]);
  });

  it('include the prose of local arrangements, scrutiny and reports up, and not the names of the governance', () => {
    const area = { areaId: 'bristol' };
    expect(
      freeTextPaths('ScrutinyActivityRecorded', {
        ...area,
        activityId: 'a',
        scrutineerId: 's',
        examined: 'Multi-agency audit of neglect referrals',
        on: '2026-06-10',
      }),
    ).toEqual(['examined']);
    expect(
      freeTextPaths('ScrutinyReportPublished', {
        ...area,
        reportId: 'r',
        scrutineerId: 's',
        title: 'Independent scrutiny report 2025-26',
        publishedOn: '2026-07-01',
        recommendations: [],
      }),
    ).toEqual(['title']);
    expect(
      freeTextPaths('ScrutinyRecommendationResponded', {
        ...area,
        reportId: 'r',
        recommendationId: 'x',
        partnerId: 'p',
        response: 'DECLINED',
        reason: 'Covered by the ICB audit',
        respondedOn: '2026-08-01',
      }),
    ).toEqual(['reason']);
    expect(freeTextPaths('YearlyReportSubmitted', { ...area, link: 'https://bristol.example/ycp.pdf' })).toEqual([
      'link',
    ]);
    expect(freeTextPaths('LocalReviewPublished', { ...area, link: 'https://bristol.example/lcspr.pdf' })).toEqual([
      'link',
    ]);
    expect(freeTextPaths('ScrutineerAppointed', { ...area, scrutineerId: 's', name: 'Jane Doe' })).toEqual([]);
    expect(freeTextPaths('AreaAdded', { areaId: 'n', name: 'New Unitary' })).toEqual([]);
  });
});
