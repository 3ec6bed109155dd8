import { Controller, Get, HttpException, HttpStatus, Param, Query, Req, Res } from '@nestjs/common';
import { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import ical from 'ical-generator';
import { MeetingQueries, RegionalGroupQueries } from '@app/read-models';

import { Authenticator } from '../auth/authenticator';
import { isCalendarSecret } from '../auth/calendar-secret';
import { Identity } from '../auth/identity';
import { ReadAccess } from '../auth/read-access';

const MEETING_HOURS = 2;

/**
 * A group's meetings as an iCalendar feed at a plain address, for Outlook or Google Calendar.
 * Calendar clients cannot send headers, so the address carries a calendar token (`?token=`),
 * which reads calendars and nothing else and can be revoked. A full bearer token is refused
 * there: addresses end up in logs, browser histories and shared calendars. A client that can
 * send headers may still use a bearer token in `Authorization`.
 */
@Controller('groups')
export class CalendarController {
  constructor(
    private readonly authenticator: Authenticator,
    private readonly access: ReadAccess,
    private readonly groups: RegionalGroupQueries,
    private readonly meetings: MeetingQueries,
  ) {}

  @Get(':groupId/calendar.ics')
  async calendar(
    @Param('groupId') groupId: string,
    @Query('token') token: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    const identity = await this.reader(token, request.headers.authorization);
    const group = this.groups.byId(groupId);
    if (!group) throw new HttpException(`There is no regional group with id ${groupId}.`, HttpStatus.NOT_FOUND);
    if (!(await this.access.mayReadGroup(identity.personId, groupId))) {
      throw new HttpException(
        "This calendar is for the group's current representatives, administrators and auditors.",
        HttpStatus.FORBIDDEN,
      );
    }

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

  private async reader(token: unknown, authorization: string | undefined): Promise<Identity> {
    if (token !== undefined) {
      if (typeof token !== 'string' || !isCalendarSecret(token)) {
        throw new HttpException(
          'A calendar address takes a calendar token, never an API token: issue one with the issueCalendarToken mutation or `cli calendar-token`.',
          HttpStatus.UNAUTHORIZED,
        );
      }
      const identity = this.authenticator.identifyCalendarReader(token);
      if (!identity)
        throw new HttpException(
          'This calendar token is not known or was revoked; issue a new one.',
          HttpStatus.UNAUTHORIZED,
        );
      return identity;
    }
    let identity: Identity | null;
    try {
      identity = await this.authenticator.identify(authorization);
    } catch (error) {
      // A refused bearer token: say why, as the API would. Anything else is an outage, not the client's doing.
      if (error instanceof GraphQLError) throw new HttpException(error.message, HttpStatus.UNAUTHORIZED);
      throw error;
    }
    if (!identity) {
      throw new HttpException(
        'A calendar token is needed: add ?token=<calendar token> to the address (issueCalendarToken or `cli calendar-token`).',
        HttpStatus.UNAUTHORIZED,
      );
    }
    return identity;
  }
}
