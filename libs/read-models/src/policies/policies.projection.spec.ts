import { localArrangementStream, PolicyAdoptionRecorded, PolicyEvent, policyStream } from '@app/domain';
import {
  AREAS,
  GROUP_ID,
  POLICY_DECISION_ID,
  POLICY_ID,
  policyApproved,
  policyDrafted,
  policyDraftRevised,
  policyVersionPublished,
  publishedPolicy,
  WORKSTREAM_ID,
} from '@app/domain/testing/avon-and-somerset.fixture';
import { inStream, projectionSpec } from '../testing/projection-spec';
import { policiesProjection } from './policies.projection';

const spec = projectionSpec(policiesProjection);
const policy = (...events: PolicyEvent[]) => inStream(policyStream(POLICY_ID), events);
const adoption = (areaId: string, overrides: Partial<PolicyAdoptionRecorded['data']> = {}): PolicyAdoptionRecorded => ({
  type: 'PolicyAdoptionRecorded',
  data: {
    areaId,
    policyId: POLICY_ID,
    version: 1,
    decision: 'ADOPTED',
    variation: null,
    reason: null,
    decidedOn: '2020-05-03',
    ...overrides,
  },
});

describe('the policies projection', () => {
  it('records a drafted policy from its workstream, then its revised draft', () =>
    spec
      .given()
      .when(policy(policyDrafted(), policyDraftRevised()))
      .then({
        policies: [
          {
            policy_id: POLICY_ID,
            group_id: GROUP_ID,
            title: 'Regional escalation procedure',
            workstream_id: WORKSTREAM_ID,
            status: 'DRAFT',
            draft_body: 'https://example.org/procedures/escalation-v2',
            draft_summary: 'Adds the police professional standards route.',
            draft_approved: 0,
            sort_key: 1,
          },
        ],
      }));

  it('approves the draft by the decision of the March 2020 meeting', () =>
    spec
      .given(policy(policyDrafted()))
      .when(policy(policyApproved()))
      .then({ policies: [{ draft_approved: 1, approved_decision_id: POLICY_DECISION_ID }] }));

  it('approves the draft from the day of the meeting that approved it, however much later that was recorded (A3)', () =>
    spec
      .given(inStream(policyStream(POLICY_ID), policyDrafted(), { occurredAt: '2020-02-01T10:00:00.000Z' }))
      .when(inStream(policyStream(POLICY_ID), policyApproved(), { occurredAt: '2020-03-20T10:00:00.000Z' }))
      .then({
        policy_states: [
          { draft_approved: 0, valid_from: '2020-02-01', valid_to: null, recorded_from: 1, recorded_to: 2 },
          { draft_approved: 0, valid_from: '2020-02-01', valid_to: '2020-03-12', recorded_from: 2, recorded_to: null },
          { draft_approved: 1, valid_from: '2020-03-12', valid_to: null, recorded_from: 2, recorded_to: null },
        ],
      }));

  it('approves the draft from the day recorded when the approval predates the keeping of its day', () => {
    const { approvedOn: _notKept, ...approval } = policyApproved().data;
    return spec
      .given(inStream(policyStream(POLICY_ID), policyDrafted(), { occurredAt: '2020-02-01T10:00:00.000Z' }))
      .when(
        inStream(
          policyStream(POLICY_ID),
          { type: 'PolicyApproved', data: approval },
          { occurredAt: '2020-03-20T10:00:00.000Z', schemaVersion: 2 },
        ),
      )
      .then({
        policy_states: [
          { draft_approved: 0, valid_from: '2020-02-01', valid_to: null, recorded_from: 1, recorded_to: 2 },
          { draft_approved: 0, valid_from: '2020-02-01', valid_to: '2020-03-20', recorded_from: 2, recorded_to: null },
          { draft_approved: 1, valid_from: '2020-03-20', valid_to: null, recorded_from: 2, recorded_to: null },
        ],
      });
  });

  it('publishes version 1 to the 5 areas and clears the draft', () =>
    spec
      .given(policy(policyDrafted(), policyApproved()))
      .when(policy(policyVersionPublished()))
      .then({
        policies: [
          { status: 'PUBLISHED', draft_title: null, draft_body: null, draft_approved: 0, review_due_on: '2021-04-01' },
        ],
        policy_versions: [
          {
            policy_id: POLICY_ID,
            version: 1,
            title: 'Regional escalation procedure',
            effective_on: '2020-04-01',
            review_on: '2021-04-01',
          },
        ],
        policy_version_areas: Object.values(AREAS).map((area) => ({ version: 1, area_id: area.areaId })),
      }));

  it('records a review, moving the review date only when the review sets one, then the retirement', () =>
    spec
      .given(policy(...publishedPolicy))
      .when(
        policy(
          {
            type: 'PolicyReviewed',
            data: { reviewedOn: '2021-03-15', outcome: 'NO_CHANGE', nextReviewOn: '2022-03-15' },
          },
          {
            type: 'PolicyReviewed',
            data: { reviewedOn: '2021-06-01', outcome: 'REVISION_STARTED', nextReviewOn: null },
          },
          { type: 'PolicyRetired', data: { reason: 'Replaced by the national procedure.', retiredOn: '2022-01-10' } },
        ),
      )
      .then({
        policy_reviews: [
          { reviewed_on: '2021-03-15', outcome: 'NO_CHANGE', next_review_on: '2022-03-15', sort_key: 4 },
          { reviewed_on: '2021-06-01', outcome: 'REVISION_STARTED', next_review_on: null, sort_key: 5 },
        ],
        policies: [
          {
            status: 'RETIRED',
            review_due_on: '2022-03-15',
            retired_reason: 'Replaced by the national procedure.',
            retired_on: '2022-01-10',
          },
        ],
      }));

  it('records each area’s own decision on a version, from the area’s stream (D1)', () =>
    spec
      .given(policy(...publishedPolicy))
      .when(
        inStream(localArrangementStream('bristol'), adoption('bristol')),
        inStream(
          localArrangementStream('somerset'),
          adoption('somerset', {
            decision: 'ADOPTED_WITH_VARIATION',
            variation: 'Somerset keeps its own route for schools.',
          }),
        ),
      )
      .then({
        policy_adoptions: [
          { area_id: 'bristol', decision: 'ADOPTED', variation: null, decided_on: '2020-05-03' },
          {
            area_id: 'somerset',
            decision: 'ADOPTED_WITH_VARIATION',
            variation: 'Somerset keeps its own route for schools.',
            decided_on: '2020-05-03',
          },
        ],
      }));

  it('records an area’s decision on a policy it has never seen, and changes nothing of policies it does not know', () =>
    spec
      .given()
      .when(
        inStream(
          localArrangementStream('banes'),
          adoption('banes', { decision: 'NOT_ADOPTED', reason: 'Local procedure in force.' }),
        ),
        policy(policyApproved(), policyVersionPublished()),
      )
      .then({
        policies: [],
        policy_adoptions: [
          { policy_id: POLICY_ID, area_id: 'banes', decision: 'NOT_ADOPTED', reason: 'Local procedure in force.' },
        ],
        policy_versions: [{ policy_id: POLICY_ID, version: 1 }],
      }));

  it('keeps the status and review date from each day, history entered in 2026 holding from its own dates (A3)', () => {
    const entered = { occurredAt: '2026-11-20T10:00:00.000Z' };
    return spec
      .given(inStream(policyStream(POLICY_ID), [policyDrafted(), policyApproved()], entered))
      .when(
        inStream(
          policyStream(POLICY_ID),
          [
            policyVersionPublished({ publishedOn: '2020-04-01' }),
            {
              type: 'PolicyReviewed',
              data: { reviewedOn: '2021-03-15', outcome: 'NO_CHANGE', nextReviewOn: '2022-03-15' },
            },
            { type: 'PolicyRetired', data: { reason: 'Replaced by the national procedure.', retiredOn: '2022-01-10' } },
          ],
          entered,
        ),
      )
      .then({
        policy_states: [
          // The draft as first recorded, retired by its approval at the meeting of 12 March 2020, which holds
          // until the publication.
          {
            status: 'DRAFT',
            review_due_on: null,
            draft_approved: 0,
            valid_from: '2026-11-20',
            valid_to: null,
            recorded_from: 1,
            recorded_to: 2,
          },
          {
            status: 'DRAFT',
            review_due_on: null,
            draft_approved: 1,
            valid_from: '2020-03-12',
            valid_to: null,
            recorded_from: 2,
            recorded_to: 3,
          },
          {
            status: 'DRAFT',
            review_due_on: null,
            draft_approved: 1,
            valid_from: '2020-03-12',
            valid_to: '2020-04-01',
            recorded_from: 3,
            recorded_to: null,
          },
          {
            status: 'PUBLISHED',
            draft_approved: 0,
            review_due_on: '2021-04-01',
            valid_from: '2020-04-01',
            valid_to: null,
            recorded_from: 3,
            recorded_to: 4,
          },
          {
            status: 'PUBLISHED',
            draft_approved: 0,
            review_due_on: '2021-04-01',
            valid_from: '2020-04-01',
            valid_to: '2021-03-15',
            recorded_from: 4,
            recorded_to: null,
          },
          {
            status: 'PUBLISHED',
            draft_approved: 0,
            review_due_on: '2022-03-15',
            valid_from: '2021-03-15',
            valid_to: null,
            recorded_from: 4,
            recorded_to: 5,
          },
          {
            status: 'PUBLISHED',
            draft_approved: 0,
            review_due_on: '2022-03-15',
            valid_from: '2021-03-15',
            valid_to: '2022-01-10',
            recorded_from: 5,
            recorded_to: null,
          },
          {
            status: 'RETIRED',
            draft_approved: 0,
            review_due_on: '2022-03-15',
            valid_from: '2022-01-10',
            valid_to: null,
            recorded_from: 5,
            recorded_to: null,
          },
        ],
        policy_versions: [
          { version: 1, effective_on: '2020-04-01', valid_from: '2020-04-01', recorded_from: 3, recorded_to: null },
        ],
      });
  });

  it('publishes a version on the day it was published when it takes effect later', () =>
    spec
      .given(policy(policyDrafted(), policyApproved()))
      .when(policy(policyVersionPublished({ publishedOn: '2020-03-12' })))
      .then({
        policy_states: [
          {
            status: 'DRAFT',
            review_due_on: null,
            draft_approved: 0,
            valid_from: '2020-03-12',
            valid_to: null,
            recorded_from: 1,
            recorded_to: 2,
          },
          {
            status: 'DRAFT',
            review_due_on: null,
            draft_approved: 1,
            valid_from: '2020-03-12',
            valid_to: null,
            recorded_from: 2,
            recorded_to: 3,
          },
          {
            status: 'PUBLISHED',
            draft_approved: 0,
            review_due_on: '2021-04-01',
            valid_from: '2020-03-12',
            valid_to: null,
            recorded_from: 3,
            recorded_to: null,
          },
        ],
        policy_versions: [{ version: 1, effective_on: '2020-04-01', valid_from: '2020-03-12', valid_to: null }],
      }));

  it('keeps the title and draft of each day: drafted, revised, approved, published, then a second draft (A3)', () =>
    spec
      .given(
        inStream(policyStream(POLICY_ID), policyDrafted(), { occurredAt: '2020-02-01T10:00:00.000Z' }),
        inStream(policyStream(POLICY_ID), policyDraftRevised({ title: 'Escalation procedure' }), {
          occurredAt: '2020-02-20T10:00:00.000Z',
        }),
        inStream(policyStream(POLICY_ID), policyApproved(), { occurredAt: '2020-03-12T10:00:00.000Z' }),
      )
      .when(
        inStream(
          policyStream(POLICY_ID),
          policyVersionPublished({ title: 'Escalation procedure', effectiveOn: '2020-04-01' }),
          { occurredAt: '2020-03-20T10:00:00.000Z' },
        ),
        inStream(policyStream(POLICY_ID), policyDraftRevised({ title: 'Regional escalation procedure' }), {
          occurredAt: '2021-05-01T10:00:00.000Z',
        }),
      )
      .then({
        policy_states: [
          {
            status: 'DRAFT',
            title: 'Regional escalation procedure',
            draft_title: 'Regional escalation procedure',
            draft_approved: 0,
            valid_from: '2020-02-01',
            valid_to: null,
            recorded_from: 1,
            recorded_to: 2,
          },
          {
            status: 'DRAFT',
            title: 'Regional escalation procedure',
            draft_title: 'Regional escalation procedure',
            draft_approved: 0,
            valid_from: '2020-02-01',
            valid_to: '2020-02-20',
            recorded_from: 2,
            recorded_to: null,
          },
          {
            status: 'DRAFT',
            title: 'Regional escalation procedure',
            draft_title: 'Escalation procedure',
            draft_approved: 0,
            valid_from: '2020-02-20',
            valid_to: null,
            recorded_from: 2,
            recorded_to: 3,
          },
          {
            status: 'DRAFT',
            title: 'Regional escalation procedure',
            draft_title: 'Escalation procedure',
            draft_approved: 0,
            valid_from: '2020-02-20',
            valid_to: '2020-03-12',
            recorded_from: 3,
            recorded_to: null,
          },
          {
            status: 'DRAFT',
            title: 'Regional escalation procedure',
            draft_title: 'Escalation procedure',
            draft_approved: 1,
            valid_from: '2020-03-12',
            valid_to: null,
            recorded_from: 3,
            recorded_to: 4,
          },
          {
            status: 'DRAFT',
            title: 'Regional escalation procedure',
            draft_title: 'Escalation procedure',
            draft_approved: 1,
            valid_from: '2020-03-12',
            valid_to: '2020-03-20',
            recorded_from: 4,
            recorded_to: null,
          },
          // Published: the title is the version's, and there is no draft until the next revision.
          {
            status: 'PUBLISHED',
            title: 'Escalation procedure',
            draft_title: null,
            draft_approved: 0,
            valid_from: '2020-03-20',
            valid_to: null,
            recorded_from: 4,
            recorded_to: 5,
          },
          {
            status: 'PUBLISHED',
            title: 'Escalation procedure',
            draft_title: null,
            draft_approved: 0,
            valid_from: '2020-03-20',
            valid_to: '2021-05-01',
            recorded_from: 5,
            recorded_to: null,
          },
          {
            status: 'PUBLISHED',
            title: 'Escalation procedure',
            draft_title: 'Regional escalation procedure',
            draft_approved: 0,
            valid_from: '2021-05-01',
            valid_to: null,
            recorded_from: 5,
            recorded_to: null,
          },
        ],
      }));

  it('closes an area’s decision when a later one is recorded, keeping both', () =>
    spec
      .given(policy(...publishedPolicy), inStream(localArrangementStream('banes'), adoption('banes')))
      .when(
        inStream(
          localArrangementStream('banes'),
          adoption('banes', { decision: 'NOT_ADOPTED', reason: 'Local procedure in force.', decidedOn: '2021-01-01' }),
        ),
      )
      .then({
        policy_adoptions: [
          { decision: 'ADOPTED', valid_from: '2020-05-03', valid_to: null, recorded_from: 4, recorded_to: 5 },
          {
            decision: 'ADOPTED',
            valid_from: '2020-05-03',
            valid_to: '2021-01-01',
            recorded_from: 5,
            recorded_to: null,
          },
          { decision: 'NOT_ADOPTED', valid_from: '2021-01-01', valid_to: null, recorded_from: 5, recorded_to: null },
        ],
      }));
});

describe('corrections in the policies projection (A7)', () => {
  it('replaces an area’s decision on every day from the corrected one, keeping the decision shown before', () =>
    spec
      .given(policy(...publishedPolicy), inStream(localArrangementStream('banes'), adoption('banes')))
      .when(
        inStream(localArrangementStream('banes'), {
          type: 'PolicyAdoptionCorrected',
          data: {
            ...adoption('banes').data,
            decision: 'ADOPTED_WITH_VARIATION',
            variation: 'BaNES keeps its own route for schools.',
            decidedOn: '2020-06-01',
            correctionReason: 'The board adopted it a month later, with a variation.',
          },
        }),
      )
      .then({
        policy_adoptions: [
          {
            decision: 'ADOPTED',
            variation: null,
            decided_on: '2020-05-03',
            valid_from: '2020-05-03',
            valid_to: null,
            recorded_from: 4,
            recorded_to: 5,
          },
          {
            decision: 'ADOPTED_WITH_VARIATION',
            variation: 'BaNES keeps its own route for schools.',
            decided_on: '2020-06-01',
            valid_from: '2020-06-01',
            valid_to: null,
            recorded_from: 5,
            recorded_to: null,
          },
        ],
      }));
});
