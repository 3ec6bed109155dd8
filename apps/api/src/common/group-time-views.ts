import { Inject, Injectable } from '@nestjs/common';
import { DomainError, groupDateOf, requireDate, requireRecordedMomentPassed } from '@app/domain';
import { HistoryQueries, MembershipQueries, TimeView } from '@app/read-models';
import { CLOCK, Clock } from '@app/platform';
import { notHeld } from './not-held';

/**
 * Which rows a group's fields show (A3): valid today and recorded now by default; `asAt` a day,
 * as known now; `asRecordedAt` what the platform showed at a past moment, on that moment's day
 * unless `asAt` names another.
 */
@Injectable()
export class GroupTimeViews {
  constructor(
    private readonly membership: MembershipQueries,
    private readonly history: HistoryQueries,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  today(): TimeView {
    return { on: groupDateOf(this.clock.now().toISOString()), position: null };
  }

  /** The day a view is seen on: `asAt`, else the day of `asRecordedAt`, else today. */
  dayOf(asAt: string | null, asRecordedAt: Date | null): string {
    return asAt ?? (asRecordedAt ? groupDateOf(asRecordedAt.toISOString()) : this.today().on);
  }

  /** The view a query asks for; OUT_OF_RANGE before the group existed or before the platform held it. */
  of(groupId: string, asAt: string | null, asRecordedAt: Date | null): TimeView {
    const { view, establishedOn } = this.asked(groupId, asAt, asRecordedAt);
    if (view.on < establishedOn) {
      throw new DomainError('OUT_OF_RANGE', `The group was established on ${establishedOn}; ${view.on} is before it.`, {
        earliest: establishedOn,
      });
    }
    return view;
  }

  /** The view asked for, its day not yet checked, with the day its group was established. */
  private asked(
    groupId: string,
    asAt: string | null,
    asRecordedAt: Date | null,
  ): { view: TimeView; establishedOn: string } {
    if (asAt !== null) requireDate(asAt, 'asAt');
    const establishedOn = this.membership.establishedOn(groupId);
    if (establishedOn === undefined)
      throw new DomainError('NOT_FOUND', `There is no regional group with id ${groupId}.`);
    let position: number | null = null;
    if (asRecordedAt !== null) {
      const instant = asRecordedAt.toISOString();
      requireRecordedMomentPassed(instant, this.clock.now().toISOString());
      if (this.membership.positionAt(groupId, instant) === null) {
        throw notHeld('group', { asAt, asRecordedAt }, this.membership.firstRecordedAt(groupId));
      }
      // Every stream's events up to that moment: its meetings, workstreams and policies too.
      position = this.history.positionAt(instant);
    }
    return { view: { on: this.dayOf(asAt, asRecordedAt), position }, establishedOn };
  }

  /**
   * The view of one thing of a group (a policy, a workstream): today unless asked; OUT_OF_RANGE
   * before the group existed, before the platform held the thing (naming the first moment it did),
   * or before the first day it existed as that view records it (`firstDayIn`).
   */
  ofEntity(
    groupId: string,
    entity: Readonly<{ id: string; what: string }>,
    asAt: string | null,
    asRecordedAt: Date | null,
    firstDayIn: (view: TimeView) => string | null,
  ): TimeView {
    if (asAt === null && asRecordedAt === null) return this.today();
    // Checked before the group's own moment: the thing was recorded after its group, and the
    // moment to name is the first at which the thing itself can be shown.
    const recorded = asRecordedAt === null ? null : this.history.firstRecordedAt(entity.id);
    if (asRecordedAt !== null && recorded !== null && asRecordedAt.toISOString() < recorded) {
      throw notHeld(entity.what, { asAt, asRecordedAt }, recorded);
    }
    const { view, establishedOn } = this.asked(groupId, asAt, asRecordedAt);
    const first = firstDayIn(view);
    if (first === null) throw notHeld(entity.what, { asAt, asRecordedAt }, recorded);
    // The earliest day it can be shown is the later of its own first day and its group's: a day
    // before the group is refused with the day the thing began, not one that would be refused again.
    const earliest = first > establishedOn ? first : establishedOn;
    if (view.on < earliest) {
      const began = earliest === first ? `The ${entity.what} existed from` : 'The group was established on';
      throw new DomainError('OUT_OF_RANGE', `${began} ${earliest}; ${view.on} is before it.`, { earliest });
    }
    return view;
  }
}
