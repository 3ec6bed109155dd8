import { IsoDate } from '../shared/dates';
import {
  ActiveGroup,
  Appointment,
  currentAppointments,
  currentPartners,
  postHolderOn,
} from '../regional-group/regional-group.state';
import { termsInForceOn } from '../regional-group/terms';
import { GroupFacts } from './meeting.commands';

/**
 * What a meeting command needs of its group, as the group stood on `date` (R7, A3): the meeting
 * of 12 March 2020 counts that day's representatives, in that day's seats, against that day's terms.
 */
export function groupFactsOn(group: ActiveGroup, date: IsoDate): GroupFacts {
  const chair = postHolderOn(group.posts, 'CHAIR', date) ?? group.chair;
  return {
    on: date,
    establishedOn: group.establishedOn,
    dissolved: group.dissolvedAt !== null,
    areas: group.areas,
    currentPartners: currentPartners(group).map(({ partnerId, name }) => ({ partnerId, name })),
    currentRepresentatives: currentAppointments(group, date).map(({ appointmentId, personId, name, partnerId }) => ({
      appointmentId,
      personId,
      name,
      partnerId,
      partnerName: group.partners[partnerId].name,
    })),
    quorumPercentage: termsInForceOn(group.terms, date).terms.quorumPercentage,
    chairPartnerId: chair ? (group.appointments.get(chair) as Appointment).partnerId : null,
  };
}
