import { LocalRecordCommand, LocalRecordEvent, LocalRecords } from './local-records';
import {
  publishArrangements,
  recordArrangementsImplemented,
  recordSecretaryOfStateNotified,
} from './published-arrangements.decide';
import { endRelevantAgency, recordLocalGroup, recordRelevantAgency } from './relevant-agencies.decide';

/** The area's own records (L1, L4), decided on the part of the arrangement's state they need. */
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
  }
}
