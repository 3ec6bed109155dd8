import { fold } from '../shared/decider';
import { Actor } from '../shared/roles';
import {
  administrator,
  approvalMeeting,
  AREAS,
  bristolBusinessManager,
  GROUP_ID,
  meetingChair,
  meetingDeputyChair,
  meetingRepresentative,
  POLICY_DECISION_ID,
  POLICY_ID,
  policyApproved,
  policyCommand,
  policyDrafted,
  policyDraftRevised,
  publishedPolicy,
  policyVersionPublished,
  stranger,
  WORKSTREAM_ID,
} from '../testing/avon-and-somerset.fixture';
import { specification } from '../testing/given-when-then';
import {
  ApprovePolicy,
  DraftPolicy,
  Policy,
  PolicyCommandUnion,
  policyDecider,
  PolicyEvent,
  PolicyRetired,
  PolicyReviewed,
  PublishPolicyVersion,
  RecordPolicyReview,
  RevisePolicyDraft,
  versionInForce,
} from './policy.decider';

const spec = specification(policyDecider);

const { title, body, summary } = policyDrafted().data;
const revised = policyDraftRevised();

/* Commands, each sent by the administrator at `policyNow` (20 March 2020) unless overridden. */
const draft = (overrides: Partial<DraftPolicy['data']> = {}): DraftPolicy =>
  policyCommand('DraftPolicy', {
    policyId: POLICY_ID,
    groupId: GROUP_ID,
    title,
    workstreamId: WORKSTREAM_ID,
    workstreamGroupId: GROUP_ID,
    body,
    summary,
    groupDissolved: false,
    ...overrides,
  });
const revise = (overrides: Partial<RevisePolicyDraft['data']> = {}): RevisePolicyDraft =>
  policyCommand('RevisePolicyDraft', { ...revised.data, ...overrides });
const approve = (overrides: Partial<ApprovePolicy['data']> = {}): ApprovePolicy =>
  policyCommand('ApprovePolicy', { meeting: approvalMeeting(), decisionId: POLICY_DECISION_ID, ...overrides });
const publish = (overrides: Partial<PublishPolicyVersion['data']> = {}): PublishPolicyVersion =>
  policyCommand('PublishPolicyVersion', {
    effectiveOn: '2020-04-01',
    reviewOn: '2021-04-01',
    publishedOn: null,
    areas: Object.values(AREAS),
    ...overrides,
  });
const review = (overrides: Partial<RecordPolicyReview['data']> = {}): RecordPolicyReview =>
  policyCommand('RecordPolicyReview', { outcome: 'NO_CHANGE', nextReviewOn: null, ...overrides });
const retire = (overrides: Partial<{ reason: string; actor: Actor; now: string }> = {}) =>
  policyCommand('RetirePolicy', { reason: 'Replaced by the national procedure.', ...overrides });

const reviewed = (data: PolicyReviewed['data']): PolicyReviewed => ({ type: 'PolicyReviewed', data });
const retired: PolicyRetired = {
  type: 'PolicyRetired',
  data: { reason: 'Replaced by the national procedure.', retiredOn: '2020-03-20' },
};

/** Drafted and approved at the March 2020 meeting, not yet published. */
const approvedDraft: PolicyEvent[] = [policyDrafted(), policyApproved()];
/** Version 1 published, then revised and approved again: ready to publish as version 2. */
const approvedRevision: PolicyEvent[] = [...publishedPolicy, revised, policyApproved()];
/** Version 2 of the revised draft, in force from 1 October 2020. */
const version2 = policyVersionPublished({
  version: 2,
  effectiveOn: '2020-10-01',
  reviewOn: '2021-10-01',
  ...revised.data,
});

/** The policy the events fold to; fails the test if there is none. */
const policyAfter = (events: readonly PolicyEvent[]): Policy => {
  const state = fold(policyDecider, events);
  if (state.status === 'NONE') throw new Error('The events draft no policy.');
  return state;
};

const refusal = spec.refusal;

const notOfficers: [string, Actor][] = [
  ['the deputy chair', meetingDeputyChair],
  ['a representative holding no post', meetingRepresentative],
  ['an area business manager', bristolBusinessManager],
  ['a stranger', stranger],
];

describe('Drafting a regional policy (D1)', () => {
  it('records the draft with its group, title, owning workstream, body or link and summary', () => {
    spec.given([]).when(draft()).then([policyDrafted()]);
  });

  it('normalises the title and trims the body and summary', () => {
    spec
      .given([])
      .when(draft({ title: '  Regional   escalation\nprocedure ', body: `  ${body}  `, summary: `\t${summary} ` }))
      .then([policyDrafted()]);
  });

  it('may be drafted without an owning workstream', () => {
    spec
      .given([])
      .when(draft({ workstreamId: null }))
      .then([policyDrafted({ workstreamId: null })]);
  });

  it('is refused with NOT_FOUND when no workstream has the owning workstream id, which names a meeting, say', () => {
    spec
      .given([])
      .when(draft({ workstreamId: POLICY_DECISION_ID, workstreamGroupId: null }))
      .thenFails('NOT_FOUND', new RegExp(`There is no workstream with id ${POLICY_DECISION_ID}`));
  });

  it('is refused with VALIDATION_FAILED when the owning workstream belongs to another regional group', () => {
    spec
      .given([])
      .when(draft({ workstreamGroupId: 'another-group' }))
      .thenFails('VALIDATION_FAILED', /workstream of its own regional group/);
  });

  it('may have an empty summary', () => {
    spec
      .given([])
      .when(draft({ summary: '  ' }))
      .then([policyDrafted({ summary: '' })]);
  });

  it.each([
    ['the administrator', administrator],
    ['the chair', meetingChair],
  ])('is drafted by %s', (_who, actor) => {
    spec.given([]).when(draft({ actor })).then([policyDrafted()]);
  });

  it.each(notOfficers)('is refused to %s with FORBIDDEN, naming the role required (R41)', (_who, actor) => {
    spec
      .given([])
      .when(draft({ actor }))
      .thenFails('FORBIDDEN', /administrator or the chair can draft a regional policy/);
    expect(refusal([], draft({ actor })).details).toEqual({ requiredRole: 'ADMINISTRATOR or CHAIR' });
  });

  it('is refused for a dissolved group with GROUP_DISSOLVED (R14)', () => {
    spec
      .given([])
      .when(draft({ groupDissolved: true }))
      .thenFails('GROUP_DISSOLVED', /dissolved/);
  });

  it.each([
    ['an empty title', { title: '' }, /title/],
    ['a blank title', { title: ' \n\t ' }, /title/],
    ['an empty body', { body: '' }, /body or link/],
    ['a blank body', { body: '   ' }, /body or link/],
  ])('is refused with %s', (_what, overrides, message) => {
    spec.given([]).when(draft(overrides)).thenFails('VALIDATION_FAILED', message);
  });

  it('is drafted once: a second draft under the same id is refused with ALREADY_EXISTS', () => {
    spec
      .given([policyDrafted()])
      .when(draft({ title: 'Another procedure' }))
      .thenFails('ALREADY_EXISTS');
    spec.given(publishedPolicy).when(draft()).thenFails('ALREADY_EXISTS');
  });

  it('folds to an active policy with an unapproved draft and no versions', () => {
    expect(policyAfter([policyDrafted()])).toEqual({
      status: 'ACTIVE',
      policyId: POLICY_ID,
      groupId: GROUP_ID,
      draft: { title, body, summary, approved: false, approvedOn: null },
      versions: [],
    });
  });
});

describe('Commands on a policy that does not exist', () => {
  it.each<[string, PolicyCommandUnion]>([
    ['RevisePolicyDraft', revise()],
    ['ApprovePolicy', approve()],
    ['PublishPolicyVersion', publish()],
    ['RecordPolicyReview', review()],
    ['RetirePolicy', retire()],
  ])('%s is refused with NOT_FOUND', (_type, command) => {
    spec
      .given([])
      .when(command)
      .thenFails('NOT_FOUND', /no such policy/);
  });
});

describe('Revising the draft (D1)', () => {
  it('records the new text, normalised', () => {
    spec
      .given([policyDrafted()])
      .when(
        revise({
          title: ' Regional  escalation procedure ',
          body: ` ${revised.data.body} `,
          summary: ` ${revised.data.summary} `,
        }),
      )
      .then([revised]);
  });

  it('resets an approval: the revised draft needs approving again', () => {
    spec.given(approvedDraft).when(revise()).then([revised]);
    expect(policyAfter([...approvedDraft, revised]).draft).toEqual({
      ...revised.data,
      approved: false,
      approvedOn: null,
    });
    spec
      .given([...approvedDraft, revised])
      .when(publish())
      .thenFails('VALIDATION_FAILED', /Only an approved draft/);
    spec
      .given([...approvedDraft, revised])
      .when(approve())
      .then([policyApproved()]);
  });

  it('starts a new draft after a version is published, leaving the published versions as they were', () => {
    spec.given(publishedPolicy).when(revise()).then([revised]);
    const policy = policyAfter([...publishedPolicy, revised]);
    expect(policy.draft).toEqual({ ...revised.data, approved: false, approvedOn: null });
    expect(policy.versions).toEqual([
      {
        version: 1,
        effectiveOn: '2020-04-01',
        reviewOn: '2021-04-01',
        publishedOn: '2020-03-20',
        title,
        body,
        summary,
      },
    ]);
  });

  it.each([
    ['a blank title', { title: '  ' }, /title/],
    ['a blank body', { body: '' }, /body or link/],
  ])('is refused with %s', (_what, overrides, message) => {
    spec.given([policyDrafted()]).when(revise(overrides)).thenFails('VALIDATION_FAILED', message);
  });

  it('is recorded by the chair', () => {
    spec
      .given([policyDrafted()])
      .when(revise({ actor: meetingChair }))
      .then([revised]);
  });

  it.each(notOfficers)('is refused to %s with FORBIDDEN', (_who, actor) => {
    spec
      .given([policyDrafted()])
      .when(revise({ actor }))
      .thenFails('FORBIDDEN', /revise a policy draft/);
    expect(refusal([policyDrafted()], revise({ actor })).details).toEqual({ requiredRole: 'ADMINISTRATOR or CHAIR' });
  });
});

describe('Approving the draft at an open, quorate meeting, by the decision recorded there (D1, R9)', () => {
  it('links the meeting and the decision', () => {
    spec.given([policyDrafted()]).when(approve()).then([policyApproved()]);
    expect(policyAfter([...approvedDraft]).draft?.approved).toBe(true);
  });

  it('is recorded by the chair', () => {
    spec
      .given([policyDrafted()])
      .when(approve({ actor: meetingChair }))
      .then([policyApproved()]);
  });

  it.each(notOfficers)('is refused to %s with FORBIDDEN', (_who, actor) => {
    spec
      .given([policyDrafted()])
      .when(approve({ actor }))
      .thenFails('FORBIDDEN', /record the approval of a policy/);
    expect(refusal([policyDrafted()], approve({ actor })).details).toEqual({ requiredRole: 'ADMINISTRATOR or CHAIR' });
  });

  it('needs a draft: after publishing there is none until the policy is revised', () => {
    spec
      .given(publishedPolicy)
      .when(approve())
      .thenFails('VALIDATION_FAILED', /no draft to approve/);
  });

  it('is refused at a meeting of another group', () => {
    spec
      .given([policyDrafted()])
      .when(approve({ meeting: approvalMeeting({ groupId: 'another-group' }) }))
      .thenFails('VALIDATION_FAILED', /meeting of their own group/);
  });

  it('is refused at a meeting that is not open (scheduled or closed) with MEETING_NOT_OPEN', () => {
    spec
      .given([policyDrafted()])
      .when(approve({ meeting: approvalMeeting({ open: false }) }))
      .thenFails('MEETING_NOT_OPEN', /open meeting/);
  });

  it('is refused at an inquorate meeting with QUORUM_NOT_MET', () => {
    spec
      .given([policyDrafted()])
      .when(approve({ meeting: approvalMeeting({ quorate: false }) }))
      .thenFails('QUORUM_NOT_MET', /quorate meeting/);
  });

  it('is refused with NOT_FOUND for a decision not recorded at that meeting', () => {
    spec
      .given([policyDrafted()])
      .when(approve({ decisionId: 'dec-elsewhere' }))
      .thenFails('NOT_FOUND', /not recorded at that meeting/);
    spec
      .given([policyDrafted()])
      .when(approve({ meeting: approvalMeeting({ decisionIds: [] }) }))
      .thenFails('NOT_FOUND');
  });

  it('is refused with ALREADY_EXISTS for a draft already approved', () => {
    spec
      .given(approvedDraft)
      .when(approve())
      .thenFails('ALREADY_EXISTS', /already approved/);
    spec
      .given(approvedDraft)
      .when(approve({ meeting: approvalMeeting({ meetingId: 'asssp-2020-06' }) }))
      .thenFails('ALREADY_EXISTS');
  });

  it('approves a revised draft again, at a later meeting', () => {
    const june = approvalMeeting({
      meetingId: 'asssp-2020-06',
      meetingDate: '2020-06-11',
      decisionIds: ['dec-2020-06-escalation'],
    });
    spec
      .given([...publishedPolicy, revised])
      .when(approve({ meeting: june, decisionId: 'dec-2020-06-escalation' }))
      .then([
        policyApproved({ meetingId: 'asssp-2020-06', decisionId: 'dec-2020-06-escalation', approvedOn: '2020-06-11' }),
      ]);
  });

  it('is refused as OUT_OF_RANGE at a meeting held before the version the draft revises was published', () => {
    spec
      .given([...publishedPolicy, revised])
      .when(approve())
      .thenFails(
        'OUT_OF_RANGE',
        /approving meeting's day \(2020-03-12\) is before the publication of version 1 \(2020-03-20\)/,
      );
    expect(refusal([...publishedPolicy, revised], approve()).details).toEqual({ earliest: '2020-03-20' });
    spec
      .given([...publishedPolicy, revised])
      .when(approve({ meeting: approvalMeeting({ meetingDate: '2020-03-20' }) }))
      .then([policyApproved({ approvedOn: '2020-03-20' })]);
  });
});

describe('Publishing a version (D1)', () => {
  it('publishes the approved draft as version 1 with its dates, carrying the areas of the group', () => {
    spec.given(approvedDraft).when(publish()).then([policyVersionPublished()]);
  });

  it('carries exactly the areas the command gives', () => {
    const areas = [AREAS.bristol, AREAS.somerset];
    spec
      .given(approvedDraft)
      .when(publish({ areas }))
      .then([policyVersionPublished({ areas })]);
  });

  it('leaves no draft until the policy is revised, and keeps the version without its areas', () => {
    expect(policyAfter(publishedPolicy)).toEqual({
      status: 'ACTIVE',
      policyId: POLICY_ID,
      groupId: GROUP_ID,
      draft: null,
      versions: [
        {
          version: 1,
          effectiveOn: '2020-04-01',
          reviewOn: '2021-04-01',
          publishedOn: '2020-03-20',
          title,
          body,
          summary,
        },
      ],
    });
    spec
      .given(publishedPolicy)
      .when(publish({ effectiveOn: '2020-10-01', reviewOn: '2021-10-01' }))
      .thenFails('VALIDATION_FAILED', /Only an approved draft/);
  });

  it('publishes only an approved draft', () => {
    spec
      .given([policyDrafted()])
      .when(publish())
      .thenFails('VALIDATION_FAILED', /Only an approved draft/);
    spec
      .given([...publishedPolicy, revised])
      .when(publish({ effectiveOn: '2020-10-01', reviewOn: '2021-10-01' }))
      .thenFails('VALIDATION_FAILED', /Only an approved draft/);
  });

  it('is recorded by the chair', () => {
    spec
      .given(approvedDraft)
      .when(publish({ actor: meetingChair }))
      .then([policyVersionPublished()]);
  });

  it.each(notOfficers)('is refused to %s with FORBIDDEN', (_who, actor) => {
    spec
      .given(approvedDraft)
      .when(publish({ actor }))
      .thenFails('FORBIDDEN', /publish a policy/);
    expect(refusal(approvedDraft, publish({ actor })).details).toEqual({ requiredRole: 'ADMINISTRATOR or CHAIR' });
  });

  it.each([
    ['an effective date not written YYYY-MM-DD', { effectiveOn: '01/04/2020' }, /effective date/],
    ['an effective date that does not exist', { effectiveOn: '2020-02-30' }, /effective date/],
    ['an empty effective date', { effectiveOn: '' }, /effective date/],
    ['a review date not written YYYY-MM-DD', { reviewOn: '2021-4-1' }, /review date/],
    ['a review date that does not exist', { reviewOn: '2021-13-01' }, /review date/],
  ])('is refused with %s', (_what, overrides, message) => {
    spec.given(approvedDraft).when(publish(overrides)).thenFails('VALIDATION_FAILED', message);
  });

  it.each([
    ['on the effective date', '2020-04-01'],
    ['before the effective date', '2020-03-31'],
  ])('is refused as OUT_OF_RANGE with a review date %s, naming the earliest', (_what, reviewOn) => {
    spec
      .given(approvedDraft)
      .when(publish({ reviewOn }))
      .thenFails('OUT_OF_RANGE', /review date .* is before the day after the effective date \(2020-04-02\)/);
    expect(refusal(approvedDraft, publish({ reviewOn })).details).toEqual({ earliest: '2020-04-02' });
  });

  it('publishes a version taking effect on the day of the meeting that approved it', () => {
    spec
      .given(approvedDraft)
      .when(publish({ effectiveOn: '2020-03-12' }))
      .then([policyVersionPublished({ effectiveOn: '2020-03-12' })]);
  });

  it('is refused as OUT_OF_RANGE taking effect before the meeting that approved it', () => {
    spec
      .given(approvedDraft)
      .when(publish({ effectiveOn: '2010-01-01', reviewOn: '2011-01-01' }))
      .thenFails('OUT_OF_RANGE', /effective date \(2010-01-01\) is before the meeting that approved it \(2020-03-12\)/);
    expect(refusal(approvedDraft, publish({ effectiveOn: '2020-03-11' })).details).toEqual({ earliest: '2020-03-12' });
  });

  it('records the day it was published when given, from the approving meeting until today', () => {
    spec
      .given(approvedDraft)
      .when(publish({ publishedOn: '2020-03-12' }))
      .then([policyVersionPublished({ publishedOn: '2020-03-12' })]);
    spec
      .given(approvedDraft)
      .when(publish({ publishedOn: '2020-03-11' }))
      .thenFails('OUT_OF_RANGE', /publication date \(2020-03-11\) is before the meeting that approved it/);
    expect(refusal(approvedDraft, publish({ publishedOn: '2020-03-11' })).details).toEqual({ earliest: '2020-03-12' });
    spec
      .given(approvedDraft)
      .when(publish({ publishedOn: '2020-03-21' }))
      .thenFails('VALIDATION_FAILED', /publication date \(2020-03-21\) is in the future/);
  });

  it('bounds only the review date and the version order for an approval recorded before its day was kept', () => {
    const undatedApproval = [policyDrafted(), policyApproved({ approvedOn: undefined })];
    spec
      .given(undatedApproval)
      .when(publish({ effectiveOn: '2019-04-01', reviewOn: '2020-04-01' }))
      .then([policyVersionPublished({ effectiveOn: '2019-04-01', reviewOn: '2020-04-01' })]);
  });

  it('numbers a revised, re-approved draft as version 2, with the revised text', () => {
    spec
      .given(approvedRevision)
      .when(publish({ effectiveOn: '2020-10-01', reviewOn: '2021-10-01' }))
      .then([version2]);
  });

  it('numbers versions 1, 2, 3 in order', () => {
    const version3 = policyVersionPublished({
      version: 3,
      effectiveOn: '2021-04-01',
      reviewOn: '2022-04-01',
      ...revised.data,
    });
    spec
      .given([...approvedRevision, version2, revised, policyApproved()])
      .when(publish({ effectiveOn: '2021-04-01', reviewOn: '2022-04-01' }))
      .then([version3]);
  });

  it('refuses a later version that takes effect on or before the previous one', () => {
    spec
      .given(approvedRevision)
      .when(publish({ effectiveOn: '2020-04-01', reviewOn: '2021-10-01' }))
      .thenFails(
        'OUT_OF_RANGE',
        /Version 2's effective date \(2020-04-01\) is before the day after version 1 took effect/,
      );
    expect(refusal(approvedRevision, publish({ effectiveOn: '2020-03-15' })).details).toEqual({
      earliest: '2020-04-02',
    });
    spec
      .given(approvedRevision)
      .when(publish({ effectiveOn: '2020-04-02', reviewOn: '2021-04-02' }))
      .then([
        policyVersionPublished({ version: 2, effectiveOn: '2020-04-02', reviewOn: '2021-04-02', ...revised.data }),
      ]);
  });

  it('keeps every version: a revised draft published again needs a new approval', () => {
    const policy = policyAfter([...approvedRevision, version2]);
    expect(policy.draft).toBeNull();
    expect(policy.versions.map((v) => [v.version, v.effectiveOn, v.body])).toEqual([
      [1, '2020-04-01', body],
      [2, '2020-10-01', revised.data.body],
    ]);
    spec
      .given([...approvedRevision, version2, revised])
      .when(publish({ effectiveOn: '2021-04-01', reviewOn: '2022-04-01' }))
      .thenFails('VALIDATION_FAILED', /Only an approved draft/);
  });
});

describe('The version in force (D1: a later version supersedes the earlier from its effective date)', () => {
  const policy = policyAfter([...approvedRevision, version2]);

  it.each([
    ['before version 1 takes effect', '2020-03-31', null],
    ['on the day version 1 takes effect', '2020-04-01', 1],
    ['while version 1 is in force', '2020-09-30', 1],
    ['on the day version 2 takes effect', '2020-10-01', 2],
    ['after version 2 takes effect', '2023-01-01', 2],
  ])('%s (%s) is version %s', (_when, date, expected) => {
    expect(versionInForce(policy, date)?.version ?? null).toBe(expected);
  });

  it('is the whole version, and the superseded one stays readable in versions', () => {
    expect(versionInForce(policy, '2020-10-01')).toEqual({
      version: 2,
      effectiveOn: '2020-10-01',
      reviewOn: '2021-10-01',
      publishedOn: '2020-03-20',
      ...revised.data,
    });
    expect(policy.versions[0]).toEqual({
      version: 1,
      effectiveOn: '2020-04-01',
      reviewOn: '2021-04-01',
      publishedOn: '2020-03-20',
      title,
      body,
      summary,
    });
  });

  it('is none for a policy never published', () => {
    expect(versionInForce(policyAfter(approvedDraft), '2030-01-01')).toBeNull();
  });
});

describe('Recording a review (R12, issue 6 item 3)', () => {
  it('records no change with the next review 12 months on by default', () => {
    spec
      .given(publishedPolicy)
      .when(review())
      .then([reviewed({ reviewedOn: '2020-03-20', outcome: 'NO_CHANGE', nextReviewOn: '2021-03-20' })]);
  });

  it('counts the 12 months from the calendar date of the review, clamped to the month end', () => {
    spec
      .given(publishedPolicy)
      .when(review({ now: '2020-02-29T23:30:00.000Z' }))
      .then([reviewed({ reviewedOn: '2020-02-29', outcome: 'NO_CHANGE', nextReviewOn: '2021-02-28' })]);
  });

  it('records no change with a given future date for the next review', () => {
    spec
      .given(publishedPolicy)
      .when(review({ nextReviewOn: '2020-09-30' }))
      .then([reviewed({ reviewedOn: '2020-03-20', outcome: 'NO_CHANGE', nextReviewOn: '2020-09-30' })]);
    spec
      .given(publishedPolicy)
      .when(review({ nextReviewOn: '2020-03-21' }))
      .then([reviewed({ reviewedOn: '2020-03-20', outcome: 'NO_CHANGE', nextReviewOn: '2020-03-21' })]);
  });

  it('records that a revision has started, with no next review date', () => {
    spec
      .given(publishedPolicy)
      .when(review({ outcome: 'REVISION_STARTED' }))
      .then([reviewed({ reviewedOn: '2020-03-20', outcome: 'REVISION_STARTED', nextReviewOn: null })]);
    spec
      .given(publishedPolicy)
      .when(review({ outcome: 'REVISION_STARTED', nextReviewOn: '2020-09-30' }))
      .then([reviewed({ reviewedOn: '2020-03-20', outcome: 'REVISION_STARTED', nextReviewOn: null })]);
  });

  it('changes nothing else about the policy', () => {
    const before = policyAfter(publishedPolicy);
    expect(
      policyAfter([
        ...publishedPolicy,
        reviewed({ reviewedOn: '2020-03-20', outcome: 'REVISION_STARTED', nextReviewOn: null }),
      ]),
    ).toEqual(before);
  });

  it.each([
    ['in the past', '2020-03-19'],
    ['today', '2020-03-20'],
  ])('refuses a next review date %s', (_when, nextReviewOn) => {
    spec
      .given(publishedPolicy)
      .when(review({ nextReviewOn }))
      .thenFails('VALIDATION_FAILED', /next review date is in the future/);
  });

  it.each(['20/03/2021', '2021-02-29', ' '])('refuses a next review date %j that is not a date', (nextReviewOn) => {
    spec
      .given(publishedPolicy)
      .when(review({ nextReviewOn }))
      .thenFails('VALIDATION_FAILED', /next review date (must be a date|\(.+\) is not a real date)/);
  });

  // BUG (policy.decider.ts:142-144): an empty string is not nullish, so `nextReviewOn ?? …` keeps '',
  // and the `if (next)` guards skip both the date check and the future check: the review is recorded
  // with nextReviewOn '' (neither a date nor null), which every other non-date value is refused for.
  it('refuses an empty next review date (it is recorded as "")', () => {
    spec
      .given(publishedPolicy)
      .when(review({ nextReviewOn: '' }))
      .thenFails('VALIDATION_FAILED', /next review date/);
  });

  it('refuses an outcome other than NO_CHANGE or REVISION_STARTED', () => {
    spec
      .given(publishedPolicy)
      .when(review({ outcome: 'ABANDONED' as RecordPolicyReview['data']['outcome'] }))
      .thenFails('VALIDATION_FAILED', /NO_CHANGE or REVISION_STARTED/);
  });

  it('is only for a published policy', () => {
    spec
      .given([policyDrafted()])
      .when(review())
      .thenFails('VALIDATION_FAILED', /unpublished policy has no review/);
    spec
      .given(approvedDraft)
      .when(review())
      .thenFails('VALIDATION_FAILED', /unpublished policy has no review/);
  });

  it('is recorded by the chair', () => {
    spec
      .given(publishedPolicy)
      .when(review({ actor: meetingChair }))
      .then([reviewed({ reviewedOn: '2020-03-20', outcome: 'NO_CHANGE', nextReviewOn: '2021-03-20' })]);
  });

  it.each(notOfficers)('is refused to %s with FORBIDDEN', (_who, actor) => {
    spec
      .given(publishedPolicy)
      .when(review({ actor }))
      .thenFails('FORBIDDEN', /record a policy review/);
    expect(refusal(publishedPolicy, review({ actor })).details).toEqual({ requiredRole: 'ADMINISTRATOR or CHAIR' });
  });
});

describe('Retiring a policy (D1)', () => {
  it('records the reason, trimmed, and the date', () => {
    spec
      .given(publishedPolicy)
      .when(retire({ reason: '  Replaced by the national procedure. ' }))
      .then([retired]);
    expect(policyAfter([...publishedPolicy, retired]).status).toBe('RETIRED');
  });

  it('may retire a policy never published', () => {
    spec
      .given([policyDrafted()])
      .when(retire({ actor: meetingChair }))
      .then([retired]);
  });

  it('needs a reason', () => {
    spec
      .given(publishedPolicy)
      .when(retire({ reason: '' }))
      .thenFails('VALIDATION_FAILED', /reason/);
    spec
      .given(publishedPolicy)
      .when(retire({ reason: '  \n ' }))
      .thenFails('VALIDATION_FAILED', /reason/);
  });

  it.each(notOfficers)('is refused to %s with FORBIDDEN', (_who, actor) => {
    spec
      .given(publishedPolicy)
      .when(retire({ actor }))
      .thenFails('FORBIDDEN', /retire a policy/);
    expect(refusal(publishedPolicy, retire({ actor })).details).toEqual({ requiredRole: 'ADMINISTRATOR or CHAIR' });
  });

  it('keeps the versions readable', () => {
    expect(policyAfter([...approvedRevision, version2, retired]).versions.map((v) => v.version)).toEqual([1, 2]);
  });

  describe('afterwards every command is refused', () => {
    const retiredWithDraft: PolicyEvent[] = [...publishedPolicy, revised, policyApproved(), retired];

    it.each<[string, PolicyCommandUnion]>([
      ['RevisePolicyDraft', revise()],
      ['ApprovePolicy', approve()],
      ['PublishPolicyVersion', publish({ effectiveOn: '2020-10-01', reviewOn: '2021-10-01' })],
      ['RecordPolicyReview', review()],
      ['RetirePolicy', retire({ reason: 'Again.' })],
    ])('%s, with VALIDATION_FAILED', (_type, command) => {
      spec
        .given(retiredWithDraft)
        .when(command)
        .thenFails('VALIDATION_FAILED', /has been retired/);
    });

    it('ApprovePolicy of the unapproved draft of a retired policy, with VALIDATION_FAILED', () => {
      spec
        .given([...publishedPolicy, revised, retired])
        .when(approve())
        .thenFails('VALIDATION_FAILED', /has been retired/);
    });

    it('DraftPolicy under its id, with ALREADY_EXISTS', () => {
      spec.given(retiredWithDraft).when(draft()).thenFails('ALREADY_EXISTS');
    });

    it('even from the chair', () => {
      spec
        .given(retiredWithDraft)
        .when(revise({ actor: meetingChair }))
        .thenFails('VALIDATION_FAILED', /has been retired/);
    });
  });
});

describe('The whole life of a policy, decided command by command', () => {
  it('drafts, approves, publishes, revises, re-approves, publishes version 2, reviews and retires', () => {
    const commands: PolicyCommandUnion[] = [
      draft(),
      approve(),
      publish(),
      revise(),
      approve({
        meeting: approvalMeeting({
          meetingId: 'asssp-2020-03b',
          meetingDate: '2020-03-20',
          decisionIds: ['dec-2020-06'],
        }),
        decisionId: 'dec-2020-06',
      }),
      publish({ effectiveOn: '2020-10-01', reviewOn: '2021-10-01' }),
      review({ now: '2021-09-15T09:00:00.000Z' }),
      retire({ now: '2022-01-10T09:00:00.000Z' }),
    ];
    const events = commands.reduce<PolicyEvent[]>(
      (history, command) => [...history, ...policyDecider.decide(command, fold(policyDecider, history))],
      [],
    );
    expect(events).toEqual([
      policyDrafted(),
      policyApproved(),
      policyVersionPublished(),
      revised,
      policyApproved({ meetingId: 'asssp-2020-03b', decisionId: 'dec-2020-06', approvedOn: '2020-03-20' }),
      version2,
      reviewed({ reviewedOn: '2021-09-15', outcome: 'NO_CHANGE', nextReviewOn: '2022-09-15' }),
      { type: 'PolicyRetired', data: { reason: 'Replaced by the national procedure.', retiredOn: '2022-01-10' } },
    ]);
  });
});
