import { Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { groupDateOf } from '@app/domain';
import { CLOCK, Clock } from '@app/platform';
import { FieldError } from '../components';
import { html } from '../html';
import { PageContext, Pages } from '../page-context';
import { formChange } from './form-change';
import { Removal, REMOVAL, removalForm, sendRemoval, TaskHoldingUp } from './member-removal';
import { workstreamPage } from './task-changes';

const WORKSTREAM = `query WorkstreamMembers($id: ID!) {
  workstream(id: $id) { groupId name members { personId name } viewerMayManageMembers }
}`;
interface Workstream {
  groupId: string;
  name: string;
  members: { personId: string; name: string }[];
  /** Whether the reader may remove its members today, by the rule removeWorkstreamMember is decided by. */
  viewerMayManageMembers: boolean;
}

/**
 * A member's removal from a workstream on a day, by its lead, the group's chair or an administrator,
 * from the "Remove" link by the member's name on the workstream's page. Refused for tasks of theirs
 * that hold it up, the page lists them, each linked to its card, where it is reassigned.
 */
@Controller('groups/:groupId/workstreams/:workstreamId/members/:personId/remove')
export class MemberRemovalController {
  constructor(
    private readonly pages: Pages,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  async show(
    @Param('groupId') groupId: string,
    @Param('workstreamId') workstreamId: string,
    @Param('personId') personId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      this.ofMember(context, request, response, { groupId, workstreamId, personId }, (workstream, removal) =>
        this.render(context, workstream, removal, {}, [], []),
      ),
    );
  }

  @Post()
  async remove(
    @Param('groupId') groupId: string,
    @Param('workstreamId') workstreamId: string,
    @Param('personId') personId: string,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    await this.pages.handle(request, response, (context) =>
      this.ofMember(context, request, response, { groupId, workstreamId, personId }, (workstream, removal) => {
        let heldUpBy: readonly TaskHoldingUp[] = [];
        return formChange(
          context,
          REMOVAL,
          () => sendRemoval(context, removal, (tasks) => (heldUpBy = tasks)),
          removal.workstreamPage,
          (errors) => this.render(context, workstream, removal, context.form, errors, heldUpBy),
        );
      }),
    );
  }

  /**
   * `work` for a member of the workstream today, under its group's address. Anyone else's id (a
   * former member, another workstream's, nobody's) is no page's: "Page not found", nothing sent.
   */
  private async ofMember(
    context: PageContext,
    request: Request,
    response: Response,
    address: { groupId: string; workstreamId: string; personId: string },
    work: (workstream: Workstream, removal: Removal) => Promise<void>,
  ): Promise<void> {
    const { workstream } = await context.api.send<{ workstream: Workstream }>(WORKSTREAM, {
      id: address.workstreamId,
    });
    if (workstream.groupId !== address.groupId) {
      this.pages.notTheGroups(response, context, `The workstream ${workstream.name}`);
      return;
    }
    const member = workstream.members.find((person) => person.personId === address.personId);
    if (!member) return this.pages.notFound(request, response);
    if (!workstream.viewerMayManageMembers) {
      this.pages.problem(response, context.session, context.viewer, 403, 'You cannot see this page', [
        `You may not remove the members of the workstream ${workstream.name}.`,
      ]);
      return;
    }
    await work(workstream, {
      workstreamId: address.workstreamId,
      member,
      workstreamPage: workstreamPage(address.groupId, address.workstreamId),
    });
  }

  private async render(
    { session, render }: PageContext,
    workstream: Workstream,
    removal: Removal,
    values: Readonly<Record<string, string>>,
    errors: readonly FieldError[],
    heldUpBy: readonly TaskHoldingUp[],
  ): Promise<void> {
    render({
      title: `Remove ${removal.member.name} from ${workstream.name}`,
      current: '/',
      errors,
      status: errors.length > 0 ? 400 : 200,
      content: html`<span class="govuk-caption-l">${workstream.name}</span>
        <h1 class="govuk-heading-l">Remove ${removal.member.name}</h1>
        ${removalForm(removal, {
          csrfToken: session.csrfToken,
          today: groupDateOf(this.clock.now().toISOString()),
          values,
          errors,
          heldUpBy,
        })}`,
    });
  }
}
