import { Inject, Injectable } from '@nestjs/common';
import {
  ACCESS_STREAM,
  accessDecider,
  DomainError,
  mayListAreaReports,
  mayReadAreaFeed,
  mayReadGroup,
  mayReadItem,
  mayReadWorkstream,
  Reader,
  readableAreasOf,
  readerOf,
  regionalGroupDecider,
  RegionalGroupState,
  regionalGroupStream,
  RestrictableItem,
  Restriction,
  peopleOf,
  workstreamDecider,
  workstreamStream,
} from '@app/domain';
import { EventStore, readState } from '@app/event-store';
import { MembershipQueries, RegionalGroupQueries } from '@app/read-models';
import { EVENT_STORE } from '../infrastructure/injection-tokens';
import { GroupTimeViews } from '../common/group-time-views';

/** What a refusal says, by what was asked for. */
const REFUSALS = {
  group: "A group's business is for its current representatives, administrators and auditors.",
  areaFeed: "An area's feed is for its business managers, the group's current representatives and auditors.",
  localArrangement:
    "An area's local arrangement is for its business managers, the group's current representatives and auditors.",
  reportsUp:
    "What an area sent up to the region is for its business managers, the group's current representatives and auditors.",
  measures:
    "The measures an area reports figures on are for its business managers, the group's current representatives and auditors.",
  areaReports:
    "The reports of a group's areas are for the areas' business managers, the group's current representatives, administrators and auditors.",
  workstream: "A workstream's tasks are for its lead and members, the group's current representatives and auditors.",
};

/**
 * The one place that answers "may this person read this?" (R42, R43) for queries, field resolvers,
 * subscriptions, history and the calendar. It loads the facts (the person's grants from the access
 * stream, the group's membership on today's date from the group's stream, a workstream's people from
 * its stream) and asks the domain's rules; nothing else decides.
 */
@Injectable()
export class ReadAccess {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly views: GroupTimeViews,
    private readonly groups: RegionalGroupQueries,
    private readonly membership: MembershipQueries,
  ) {}

  /** The refusal for what was asked, for a caller that decided through a batched check. */
  refusal(of: keyof typeof REFUSALS): DomainError {
    return new DomainError('FORBIDDEN', REFUSALS[of]);
  }

  async reader(personId: string): Promise<Reader> {
    return readerOf(await readState(this.store, ACCESS_STREAM, accessDecider), personId);
  }

  private async group(groupId: string): Promise<RegionalGroupState> {
    return await readState(this.store, regionalGroupStream(groupId), regionalGroupDecider);
  }

  async mayReadGroup(personId: string, groupId: string): Promise<boolean> {
    const [reader, group] = await Promise.all([this.reader(personId), this.group(groupId)]);
    return mayReadGroup(group, reader, this.views.today().on);
  }

  async assertGroup(personId: string, groupId: string): Promise<void> {
    if (!(await this.mayReadGroup(personId, groupId))) throw new DomainError('FORBIDDEN', REFUSALS.group);
  }

  /** Of every group, those the person may read; null when that is all of them (administrators and auditors). */
  async readableGroupIds(personId: string): Promise<string[] | null> {
    const reader = await this.reader(personId);
    const today = this.views.today().on;
    const all = this.groups.allGroupIds();
    const groups = await Promise.all(all.map((groupId) => this.group(groupId)));
    const readable = all.filter((_, index) => mayReadGroup(groups[index], reader, today));
    return readable.length === all.length ? null : readable;
  }

  async mayReadAreaFeed(personId: string, areaId: string): Promise<boolean> {
    const groupId = this.membership.groupOfArea(areaId);
    if (!groupId) return false;
    const [reader, group] = await Promise.all([this.reader(personId), this.group(groupId)]);
    return mayReadAreaFeed(group, areaId, reader, this.views.today().on);
  }

  /** Refused, when not, with the sentence for what was asked of the area: `of` is its subject. */
  async assertAreaFeed(
    personId: string,
    areaId: string,
    of: 'areaFeed' | 'localArrangement' | 'reportsUp' | 'measures',
  ): Promise<void> {
    if (!(await this.mayReadAreaFeed(personId, areaId))) throw new DomainError('FORBIDDEN', REFUSALS[of]);
  }

  /**
   * For a list of the group's areas' reports (R43): the areas whose reports the person may read,
   * from one read of their grants and of the group; refused when they may ask for no such list.
   */
  async areaReportsReadable(personId: string, groupId: string): Promise<Set<string>> {
    const [reader, group] = await Promise.all([this.reader(personId), this.group(groupId)]);
    const today = this.views.today().on;
    if (!mayListAreaReports(group, reader, today)) throw new DomainError('FORBIDDEN', REFUSALS.areaReports);
    return new Set(readableAreasOf(group, reader, today));
  }

  /** The group's areas, in its order, whose feeds and reports the person may read (R43): one read of their grants and of the group. */
  async readableAreasOfGroup(personId: string, groupId: string): Promise<string[]> {
    const [reader, group] = await Promise.all([this.reader(personId), this.group(groupId)]);
    return readableAreasOf(group, reader, this.views.today().on);
  }

  /** Of these areas, those whose feeds and acknowledgements the person may read. */
  async readableAreaIds(personId: string, areaIds: readonly string[]): Promise<Set<string>> {
    const readable = await Promise.all(areaIds.map((areaId) => this.mayReadAreaFeed(personId, areaId)));
    return new Set(areaIds.filter((_, index) => readable[index]));
  }

  /** Of these workstreams, those whose tasks the person may read: one read of each stream and group. */
  async readableWorkstreamIds(personId: string, workstreamIds: readonly string[]): Promise<string[]> {
    const reader = await this.reader(personId);
    const today = this.views.today().on;
    const groups = new Map<string, RegionalGroupState>();
    const readable: string[] = [];
    for (const workstreamId of workstreamIds) {
      const workstream = await readState(this.store, workstreamStream(workstreamId), workstreamDecider);
      if (workstream.status === 'NONE') continue;
      if (!groups.has(workstream.groupId)) groups.set(workstream.groupId, await this.group(workstream.groupId));
      const group = groups.get(workstream.groupId) as RegionalGroupState;
      if (mayReadWorkstream(peopleOf(workstream), group, reader, today)) readable.push(workstreamId);
    }
    return readable;
  }

  /**
   * R43 for a page of history: of these areas and workstreams, those whose reports or tasks the person
   * may read, reading their grants once and each group and workstream once; nothing read for none.
   */
  async readableScopes(
    personId: string,
    areaIds: readonly string[],
    workstreamIds: readonly string[],
  ): Promise<{ areaIds: Set<string>; workstreamIds: Set<string> }> {
    const readableAreas = new Set<string>();
    if (areaIds.length > 0) {
      const reader = await this.reader(personId);
      const today = this.views.today().on;
      const groups = new Map<string, RegionalGroupState>();
      for (const areaId of areaIds) {
        const groupId = this.membership.groupOfArea(areaId);
        if (!groupId) continue;
        if (!groups.has(groupId)) groups.set(groupId, await this.group(groupId));
        if (mayReadAreaFeed(groups.get(groupId) as RegionalGroupState, areaId, reader, today))
          readableAreas.add(areaId);
      }
    }
    const readableWorkstreams =
      workstreamIds.length > 0 ? await this.readableWorkstreamIds(personId, workstreamIds) : [];
    return { areaIds: readableAreas, workstreamIds: new Set(readableWorkstreams) };
  }

  async mayReadWorkstream(personId: string, workstreamId: string): Promise<boolean> {
    return (await this.readableWorkstreamIds(personId, [workstreamId])).length === 1;
  }

  async assertWorkstream(personId: string, workstreamId: string): Promise<void> {
    if (!(await this.mayReadWorkstream(personId, workstreamId)))
      throw new DomainError('FORBIDDEN', REFUSALS.workstream);
  }

  /** R42: whether the person may see what a possibly restricted item of `groupId` says. */
  async mayReadItem(personId: string, groupId: string, item: RestrictableItem): Promise<boolean> {
    if (!item.restricted) return true;
    const [reader, group] = await Promise.all([this.reader(personId), this.group(groupId)]);
    return mayReadItem(item, group, reader, this.views.today().on);
  }

  /**
   * R42 for many restricted items at once (a page of history): whether the person may see what each
   * says, reading the person's grants once and each group concerned once.
   */
  async mayReadRestricted(personId: string, items: readonly Restriction[]): Promise<boolean[]> {
    if (items.length === 0) return [];
    const reader = await this.reader(personId);
    const today = this.views.today().on;
    const groups = new Map<string, Promise<RegionalGroupState>>();
    const groupOf = (groupId: string) => {
      if (!groups.has(groupId)) groups.set(groupId, this.group(groupId));
      return groups.get(groupId) as Promise<RegionalGroupState>;
    };
    return Promise.all(
      items.map(async (item) =>
        mayReadItem({ restricted: true, areaIds: item.areaIds }, await groupOf(item.groupId), reader, today),
      ),
    );
  }
}
