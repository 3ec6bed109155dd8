import {
  AreaAdded,
  CommunicationIssued,
  communicationStream,
  FeedItemAcknowledged,
  localArrangementStream,
  meetingStream,
  policyStream,
  regionalGroupStream,
  workstreamStream,
} from '@app/domain';
import {
  AREAS,
  established,
  GROUP_ID,
  MEETING_ID,
  meetingScheduled,
  meetingWithPublishedMinutes,
  minutesPublished,
  noticeToLeaveGiven,
  POLICY_ID,
  policyDrafted,
  policyVersionPublished,
  quorateMeeting,
  WORKSTREAM_ID,
  workstreamCommissioned,
} from '@app/domain/testing/avon-and-somerset.fixture';
import { TRANSPARENCY_LOG_STREAM, TREE_HEAD_SIGNED } from '@app/event-store';
import { inStream, projectionSpec, RECORDED_AT } from '../testing/projection-spec';
import { areaFeedProjection } from './area-feed.projection';

const spec = projectionSpec(areaFeedProjection);
const ALL_AREAS = Object.values(AREAS).map((area) => area.areaId);
/** One feed item per area, in the fixture's area order. */
const inEachArea = (areaIds: readonly string[], item: Record<string, unknown>) =>
  areaIds.map((areaId) => ({ area_id: areaId, ...item }));

const communication: CommunicationIssued = {
  type: 'CommunicationIssued',
  data: {
    communicationId: 'comm-1',
    groupId: GROUP_ID,
    title: 'Seven-minute briefing: escalation',
    body: 'Share with every team.',
    areas: [AREAS.bristol, AREAS.somerset],
    cascadeBy: '2020-04-30',
  },
};
const weston: AreaAdded = {
  type: 'AreaAdded',
  data: {
    areaId: 'weston',
    name: 'Weston-super-Mare',
    addedOn: '2020-04-01',
    coveringPartnerIds: [],
    gapsAccepted: [],
  },
};
const acknowledged = (areaId: string, position: number): FeedItemAcknowledged => ({
  type: 'FeedItemAcknowledged',
  data: { areaId, position, acknowledgedAt: '2020-03-23T09:00:00.000Z' },
});

describe('the area feed projection', () => {
  it('puts published minutes in the feed of every area, titled with the meeting’s date (R10, D3)', () =>
    spec
      .given(inStream(meetingStream(MEETING_ID), quorateMeeting))
      .when(
        inStream(meetingStream(MEETING_ID), minutesPublished({ areas: [AREAS.bristol, AREAS.banes] }), {
          occurredAt: '2020-03-21T16:00:00.000Z',
        }),
      )
      .then({
        area_feed: inEachArea(['bristol', 'banes'], {
          position: 10,
          kind: 'MINUTES_PUBLISHED',
          subject_id: MEETING_ID,
          title: 'Minutes of the meeting of 2020-03-12',
          occurred_at: '2020-03-21T16:00:00.000Z',
          happened_on: '2020-03-21',
        }),
      }));

  it('titles minutes with the day the meeting met in London, not in UTC', () =>
    spec
      .given(
        // 30 June 2022 at 23:30 UTC is half past midnight on 1 July in London (British Summer Time).
        inStream(meetingStream(MEETING_ID), meetingScheduled({ startsAt: '2022-06-30T23:30:00.000Z' })),
      )
      .when(inStream(meetingStream(MEETING_ID), minutesPublished({ areas: [AREAS.bristol] })))
      .then({
        area_feed: inEachArea(['bristol'], {
          kind: 'MINUTES_PUBLISHED',
          title: 'Minutes of the meeting of 2022-07-01',
        }),
      }));

  it('puts a correction of the minutes in the feed beside them', () =>
    spec
      .given(inStream(meetingStream(MEETING_ID), meetingWithPublishedMinutes))
      .when(
        inStream(meetingStream(MEETING_ID), {
          type: 'MinutesCorrected',
          data: { text: 'Corrected attendance.', reason: 'Misrecorded.', areas: [AREAS.somerset] },
        }),
      )
      .then({
        area_feed: [
          ...inEachArea(ALL_AREAS, { kind: 'MINUTES_PUBLISHED', title: 'Minutes of the meeting of 2020-03-12' }),
          {
            area_id: 'somerset',
            kind: 'MINUTES_CORRECTED',
            title: 'Correction to the minutes of the meeting of 2020-03-12',
          },
        ],
      }));

  it('sends a notice to leave to every area the partner covers (R13, D4)', () =>
    spec
      .given()
      .when(inStream(regionalGroupStream(GROUP_ID), noticeToLeaveGiven()))
      .then({
        area_feed: [
          {
            area_id: 'somerset',
            kind: 'NOTICE_TO_LEAVE',
            subject_id: 'notice-somerset-ccg',
            title: 'NHS Somerset CCG has given notice to leave, effective 2021-01-15',
          },
        ],
      }));

  it('sends a published policy version, a communication and a commissioned workstream to the areas they name', () =>
    spec
      .given(inStream(policyStream(POLICY_ID), policyDrafted()))
      .when(
        inStream(policyStream(POLICY_ID), policyVersionPublished({ areas: [AREAS.northSomerset] })),
        inStream(communicationStream('comm-1'), communication),
        inStream(workstreamStream(WORKSTREAM_ID), workstreamCommissioned({ areas: [AREAS.southGlos] })),
      )
      .then({
        area_feed: [
          {
            area_id: 'north-somerset',
            kind: 'POLICY_PUBLISHED',
            subject_id: POLICY_ID,
            title: 'Regional escalation procedure, version 1, effective 2020-04-01',
          },
          {
            area_id: 'bristol',
            kind: 'COMMUNICATION',
            subject_id: 'comm-1',
            title: 'Seven-minute briefing: escalation (cascade by 2020-04-30)',
          },
          {
            area_id: 'somerset',
            kind: 'COMMUNICATION',
            subject_id: 'comm-1',
            title: 'Seven-minute briefing: escalation (cascade by 2020-04-30)',
          },
          {
            area_id: 'south-glos',
            kind: 'WORKSTREAM_COMMISSIONED',
            subject_id: WORKSTREAM_ID,
            title: 'Workstream commissioned: Regional child protection procedures (task-and-finish group)',
          },
        ],
      }));

  it('dates each item by the day its event says it happened, keeping the moment it was recorded beside it', () => {
    // The demo enters 2020's history on the day it runs; a head is signed the moment it is recorded.
    const entered = { occurredAt: '2026-12-01T10:00:00.000Z' };
    const head = { treeSize: 1, rootHash: 'cd'.repeat(32), timestamp: entered.occurredAt, keyId: 'k', signature: 's' };
    return spec
      .given(inStream(meetingStream(MEETING_ID), quorateMeeting), inStream(policyStream(POLICY_ID), policyDrafted()))
      .when(
        inStream(
          meetingStream(MEETING_ID),
          minutesPublished({ publishedOn: '2020-03-23', areas: [AREAS.bristol] }),
          entered,
        ),
        inStream(regionalGroupStream(GROUP_ID), noticeToLeaveGiven(), entered),
        // Published on 20 March 2020 to take effect on 1 April: it happened the day it was published.
        inStream(policyStream(POLICY_ID), policyVersionPublished({ areas: [AREAS.bristol] }), entered),
        inStream(workstreamStream(WORKSTREAM_ID), workstreamCommissioned({ areas: [AREAS.bristol] }), entered),
        // Commissioned to start next year: a planned day, not one it happened on.
        inStream(
          workstreamStream('workstream-2'),
          workstreamCommissioned({ workstreamId: 'workstream-2', startDate: '2027-01-04', areas: [AREAS.bristol] }),
          entered,
        ),
        // A communication carries no day of its own: it happened when the platform recorded it.
        inStream(communicationStream('comm-1'), communication, entered),
        inStream(TRANSPARENCY_LOG_STREAM, { type: TREE_HEAD_SIGNED, data: head }, entered),
        // Minutes recorded before their day was kept: the day of their recording, in London (BST).
        inStream(
          meetingStream('meeting-2'),
          minutesPublished({ publishedAt: '2020-06-30T23:30:00.000Z', areas: [AREAS.bristol] }),
          entered,
        ),
      )
      .then({
        area_feed: [
          ['bristol', 'MINUTES_PUBLISHED', '2020-03-23'],
          ['somerset', 'NOTICE_TO_LEAVE', '2020-01-15'],
          ['bristol', 'POLICY_PUBLISHED', '2020-03-20'],
          ['bristol', 'WORKSTREAM_COMMISSIONED', '2020-01-15'],
          ['bristol', 'WORKSTREAM_COMMISSIONED', '2026-12-01'],
          ['bristol', 'COMMUNICATION', '2026-12-01'],
          ['somerset', 'COMMUNICATION', '2026-12-01'],
          ['bristol', 'MINUTES_PUBLISHED', '2020-07-01'],
        ].map(([area_id, kind, happened_on]) => ({ area_id, kind, happened_on, occurred_at: entered.occurredAt })),
        area_feed_tree_heads: [{ happened_on: '2026-12-01', occurred_at: entered.occurredAt }],
      });
  });

  it('keeps a restricted communication’s mark and the areas it concerns with each of its items (R42)', () =>
    spec
      .given()
      .when(
        inStream(communicationStream('comm-1'), {
          ...communication,
          data: { ...communication.data, restricted: true },
        }),
        inStream(communicationStream('comm-2'), {
          ...communication,
          data: { ...communication.data, communicationId: 'comm-2' },
        }),
      )
      .then({
        area_feed: [
          { area_id: 'bristol', subject_id: 'comm-1', restricted: 1, concerned_area_ids: '["bristol","somerset"]' },
          { area_id: 'somerset', subject_id: 'comm-1', restricted: 1, concerned_area_ids: '["bristol","somerset"]' },
          { area_id: 'bristol', subject_id: 'comm-2', restricted: 0, concerned_area_ids: '["bristol","somerset"]' },
          { area_id: 'somerset', subject_id: 'comm-2', restricted: 0, concerned_area_ids: '["bristol","somerset"]' },
        ],
      }));

  it('records an area’s acknowledgement of a feed item, with who acknowledged it', () =>
    spec
      .given(inStream(meetingStream(MEETING_ID), meetingWithPublishedMinutes))
      .when(
        inStream(localArrangementStream('bristol'), acknowledged('bristol', 13), {
          actor: { personId: 'bristol-business-manager' },
        }),
      )
      .then({
        feed_acknowledgements: [
          {
            area_id: 'bristol',
            position: 13,
            acknowledged_at: '2020-03-23T09:00:00.000Z',
            person_id: 'bristol-business-manager',
          },
        ],
      }));

  it('puts minutes of a meeting it never saw scheduled in the feeds, without a date, instead of stopping', () =>
    spec
      .given()
      .when(inStream(meetingStream(MEETING_ID), minutesPublished({ areas: [AREAS.bristol] })))
      .then({ area_feed: [{ area_id: 'bristol', subject_id: MEETING_ID, title: 'Minutes of a meeting' }] }));

  it('records an acknowledgement from an area whose feed it has never filled, as the area recorded it', () =>
    spec
      .given()
      .when(inStream(localArrangementStream('somerset'), acknowledged('somerset', 7)))
      .then({ area_feed: [], feed_acknowledgements: [{ area_id: 'somerset', position: 7, person_id: null }] }));

  it('keeps each signed head of the transparency log once, and when each area became known (A4)', () => {
    const head = {
      treeSize: 41,
      rootHash: 'ab'.repeat(32),
      timestamp: '2020-03-12T10:05:00.000Z',
      keyId: 'log-key',
      signature: 'eyJhbGciOiJFUzI1NiJ9..c2ln',
    };
    return spec
      .given(inStream(regionalGroupStream(GROUP_ID), established))
      .when(
        inStream(TRANSPARENCY_LOG_STREAM, { type: TREE_HEAD_SIGNED, data: head }),
        inStream(regionalGroupStream(GROUP_ID), weston),
      )
      .then({
        area_feed: [],
        area_feed_areas: [
          ...ALL_AREAS.map((areaId) => ({ area_id: areaId, known_from: 1 })),
          { area_id: 'weston', known_from: 3 },
        ],
        area_feed_tree_heads: [
          {
            position: 2,
            occurred_at: RECORDED_AT,
            happened_on: '2020-03-12',
            tree_size: 41,
            root_hash: head.rootHash,
            timestamp: head.timestamp,
            key_id: 'log-key',
            signature: head.signature,
          },
        ],
      });
  });
});
