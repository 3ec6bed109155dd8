import { Actor } from '../shared/roles';
import { specification } from '../testing/given-when-then';
import { localArrangementDecider } from './local-arrangement.decider';
import {
  NotifySeriousIncident,
  PublishLocalReview,
  RecordPanelNotification,
  RecordRapidReviewDecision,
  SeriousIncidentNotified,
} from './practice-review.events';

const spec = specification(localArrangementDecider);
const bristolManager: Actor = { personId: 'bm-bristol', partnerId: null, roles: ['AREA_BUSINESS_MANAGER'] };
const bristolPolice: Actor = { personId: 'rep-police', partnerId: 'police', roles: ['REPRESENTATIVE'] };
const chairOfEducation: Actor = { personId: 'rep-school', partnerId: 'school', roles: ['REPRESENTATIVE', 'CHAIR'] };
const recorders = { managedAreaIds: ['bristol'], statutoryPartnerIds: ['council', 'police', 'icb'] };
const by = {
  areaId: 'bristol',
  groupId: 'g1',
  recorders,
  actor: bristolManager,
  now: '2027-03-01T10:00:00.000Z',
  areaJoinedOn: '2019-06-01',
};

const notify = (data: Partial<NotifySeriousIncident['data']> = {}): NotifySeriousIncident => ({
  type: 'NotifySeriousIncident',
  data: {
    ...by,
    reviewId: 'r-1',
    reference: 'BRS-2026-07',
    awareOn: '2026-12-18',
    notifiedOn: '2026-12-18',
    restricted: true,
    ...data,
  },
});
const notified = (data: Partial<SeriousIncidentNotified['data']> = {}): SeriousIncidentNotified => ({
  type: 'SeriousIncidentNotified',
  data: {
    areaId: 'bristol',
    groupId: 'g1',
    reviewId: 'r-1',
    reference: 'BRS-2026-07',
    awareOn: '2026-12-18',
    notifiedOn: '2026-12-18',
    notificationDueOn: '2026-12-29',
    rapidReviewDueOn: '2027-01-13',
    restricted: true,
    ...data,
  },
});
const notifyLater = (data: Partial<RecordPanelNotification['data']> = {}): RecordPanelNotification => ({
  type: 'RecordPanelNotification',
  data: { ...by, reviewId: 'r-1', notifiedOn: '2026-12-30', ...data },
});
const decide = (data: Partial<RecordRapidReviewDecision['data']> = {}): RecordRapidReviewDecision => ({
  type: 'RecordRapidReviewDecision',
  data: {
    ...by,
    reviewId: 'r-1',
    decision: 'LCSPR',
    reason: 'Learning for the partnership',
    decidedOn: '2027-01-12',
    ...data,
  },
});
const publish = (data: Partial<PublishLocalReview['data']> = {}): PublishLocalReview => ({
  type: 'PublishLocalReview',
  data: { ...by, reviewId: 'r-1', publishedOn: '2027-02-26', link: 'https://example.org/review.pdf', ...data },
});
const decided = {
  type: 'RapidReviewDecisionRecorded' as const,
  data: {
    areaId: 'bristol',
    groupId: 'g1',
    reviewId: 'r-1',
    restricted: true,
    decision: 'LCSPR' as const,
    reason: 'Learning for the partnership',
    decidedOn: '2027-01-12',
    publicationDueOn: '2027-07-12',
  },
};

describe('a serious incident notified (L5)', () => {
  it('given an incident known and notified on 18 December 2026, then notification is due 29 December and the rapid review 13 January 2027', () =>
    spec.given([]).when(notify()).then([notified()]));
  it('given the panel not yet notified, then only the notification deadline is set', () =>
    spec
      .given([])
      .when(notify({ notifiedOn: null }))
      .then([notified({ notifiedOn: null, rapidReviewDueOn: null })]));
  it('is recorded by a representative of a statutory partner covering the area', () =>
    spec
      .given([])
      .when(notify({ actor: bristolPolice }))
      .then([notified()]));
  it('is refused to the region: the chair, representing a partner that is not statutory for the area (R11)', () =>
    spec
      .given([])
      .when(notify({ actor: chairOfEducation }))
      .thenFails('FORBIDDEN', /region never records for an area/));
  it('is refused to the business manager of another area', () =>
    spec
      .given([])
      .when(notify({ recorders: { ...recorders, managedAreaIds: ['somerset'] } }))
      .thenFails('FORBIDDEN'));
  it('is refused when the panel is said to be notified before the authority knew', () =>
    spec
      .given([])
      .when(notify({ notifiedOn: '2026-12-17' }))
      .thenFails('OUT_OF_RANGE'));
  it('is refused for a day not yet come', () =>
    spec
      .given([])
      .when(notify({ awareOn: '2027-03-02' }))
      .thenFails('VALIDATION_FAILED', /future/));
  it('is refused when the authority became aware before the area joined its group (1800-01-01)', () =>
    spec
      .given([])
      .when(notify({ awareOn: '1800-01-01', notifiedOn: null }))
      .thenFails('OUT_OF_RANGE', /before the area joined its group \(2019-06-01\)/));
  it('is refused for a reference the area already used', () =>
    spec
      .given([notified()])
      .when(notify({ reviewId: 'r-2' }))
      .thenFails('ALREADY_EXISTS'));
});

describe('the notification to the national panel, recorded later (L5)', () => {
  it('given an incident not yet notified, when notified on 30 December 2026, then the rapid review is due 15 working days later', () =>
    spec
      .given([notified({ notifiedOn: null, rapidReviewDueOn: null })])
      .when(notifyLater())
      .then([
        {
          type: 'PanelNotificationRecorded',
          data: { areaId: 'bristol', reviewId: 'r-1', notifiedOn: '2026-12-30', rapidReviewDueOn: '2027-01-21' },
        },
      ]));
  it('is refused once notified', () => spec.given([notified()]).when(notifyLater()).thenFails('ALREADY_EXISTS'));
  it('is refused for an unknown review', () => spec.given([]).when(notifyLater()).thenFails('NOT_FOUND'));
});

describe("the rapid review's decision (L5)", () => {
  it('given a decision to start a local review on 12 January 2027, then publication is due 12 July 2027', () =>
    spec.given([notified()]).when(decide()).then([decided]));
  it('given a referral to the national panel, then no publication is due', () =>
    spec
      .given([notified()])
      .when(decide({ decision: 'NATIONAL_PANEL_REFERRAL' }))
      .then([{ ...decided, data: { ...decided.data, decision: 'NATIONAL_PANEL_REFERRAL', publicationDueOn: null } }]));
  it('is refused without a reason', () =>
    spec
      .given([notified()])
      .when(decide({ decision: 'NO_REVIEW', reason: '  ' }))
      .thenFails('VALIDATION_FAILED', /reason/));
  it('is refused before the panel was notified', () =>
    spec
      .given([notified({ notifiedOn: null, rapidReviewDueOn: null })])
      .when(decide())
      .thenFails('CONFLICT'));
  it('is refused when dated before the notification', () =>
    spec
      .given([notified()])
      .when(decide({ decidedOn: '2026-12-17' }))
      .thenFails('OUT_OF_RANGE'));
  it('is recorded once', () => spec.given([notified(), decided]).when(decide()).thenFails('ALREADY_EXISTS'));
  it('is refused to the region (R11)', () =>
    spec
      .given([notified()])
      .when(decide({ actor: chairOfEducation }))
      .thenFails('FORBIDDEN'));
});

describe('publishing the local review (L5)', () => {
  it('records the publication', () =>
    spec
      .given([notified(), decided])
      .when(publish())
      .then([
        {
          type: 'LocalReviewPublished',
          data: {
            areaId: 'bristol',
            reviewId: 'r-1',
            publishedOn: '2027-02-26',
            link: 'https://example.org/review.pdf',
          },
        },
      ]));
  it('is refused when no local review was decided', () =>
    spec
      .given([notified(), { ...decided, data: { ...decided.data, decision: 'NO_REVIEW', publicationDueOn: null } }])
      .when(publish())
      .thenFails('CONFLICT'));
  it('is refused before the decision', () =>
    spec
      .given([notified(), decided])
      .when(publish({ publishedOn: '2027-01-11' }))
      .thenFails('OUT_OF_RANGE'));
  it('is refused with a link that is not an http or https address, even sent without the API', () =>
    spec
      .given([notified(), decided])
      .when(publish({ link: 'javascript:alert(1)' }))
      .thenFails('VALIDATION_FAILED', /^The link to the review must be an http or https address\.$/));
});
