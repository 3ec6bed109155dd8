import { LocalRecordCommand, LocalRecordEvent, LocalRecords } from './local-records';
import {
  publishArrangements,
  recordArrangementsImplemented,
  recordSecretaryOfStateNotified,
} from './published-arrangements.decide';
import {
  appointScrutineer,
  publishScrutinyReport,
  recordScrutinyActivity,
  respondToScrutinyRecommendation,
} from './scrutiny.decide';
import { endRelevantAgency, recordLocalGroup, recordRelevantAgency } from './relevant-agencies.decide';

/** The area's own records (L1, L4, L6), decided on the part of the arrangement's state they need. */
export function decideLocalRecords(command: LocalRecordCommand, records: LocalRecords): LocalRecordEvent[] {
  switch (command.type) {
    case 'RecordRelevantAgency':
      return recordRelevantAgency(command, records);
    case 'EndRelevantAgency':
      return endRelevantAgency(command, records);
    case 'RecordLocalGroup':
      return recordLocalGroup(command, records);
    case 'PublishArrangements':
      return publishArrangements(command, records);
    case 'RecordSecretaryOfStateNotified':
      return recordSecretaryOfStateNotified(command, records);
    case 'RecordArrangementsImplemented':
      return recordArrangementsImplemented(command, records);
    case 'AppointScrutineer':
      return appointScrutineer(command, records.scrutiny);
    case 'RecordScrutinyActivity':
      return recordScrutinyActivity(command, records.scrutiny);
    case 'PublishScrutinyReport':
      return publishScrutinyReport(command, records.scrutiny);
    case 'RespondToScrutinyRecommendation':
      return respondToScrutinyRecommendation(command, records.scrutiny);
  }
}
