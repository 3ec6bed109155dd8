import { Controller, Get, HttpException, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import ical from 'ical-generator';
import { MeetingQueries, RegionalGroupQueries } from '@app/read-models';
import { Authenticator } from '../auth/authenticator';

const MEETING_HOURS = 2;

/**
 * A group's meetings as an iCalendar feed at a plain address, for Outlook or Google Calendar.
 * Calendar clients cannot send headers, so the bearer token may come as `?token=` instead.
 */
@Controller('groups')
export class CalendarController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly groups: RegionalGroupQueries,
    private readonly meetings: MeetingQueries,
  ) {}

  @Get(':groupId/calendar.ics')
  async calendar(
    @Param('groupId') groupId: string,
    @Query('token') token: string | undefined,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    let identity;
    try {
      identity = await this.authenticator.identify(token ? `Bearer ${token}` : request.headers.authorization);
    } catch {
      identity = null;
    }
    if (!identity)
      throw new HttpException('A valid token is needed: add ?token=<token> to the address.', HttpStatus.UNAUTHORIZED);
    const group = this.groups.byId(groupId);
    if (!group) throw new HttpException(`There is no regional group with id ${groupId}.`, HttpStatus.NOT_FOUND);

    const calendar = ical({
      name: `${group.name} meetings`,
      prodId: { company: 'safeguarding-partnerships', product: 'meetings' },
    });
    for (const meeting of this.meetings.meetingsOfGroup(groupId)) {
      const start = new Date(meeting.startsAt);
      calendar.createEvent({
        id: `${meeting.meetingId}@safeguarding-partnerships`,
        start,
        end: new Date(start.getTime() + MEETING_HOURS * 3_600_000),
        summary: `${group.name}: meeting`,
        location: meeting.place,
        description: `Status: ${meeting.status.toLowerCase()}`,
      });
    }
    response.type('text/calendar; charset=utf-8').send(calendar.toString());
  }
}
