import { requireDate } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { requireName } from '../shared/text';
import { requireAreaManager } from './area-recorders';
import {
  EndRelevantAgency,
  LOCAL_GROUP_KINDS,
  LocalRecordEvent,
  LocalRecords,
  RecordLocalGroup,
  RecordRelevantAgency,
} from './local-records';

/** L1: a school, Cafcass, probation, a voluntary or faith group taking part, with its dates. */
export function recordRelevantAgency(command: RecordRelevantAgency, records: LocalRecords): LocalRecordEvent[] {
  const { actor, areaId, managedAreaIds, agencyId, agencyType, from, to, knownAgencyTypes } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its relevant agencies');
  if (records.agencies[agencyId]) throw new DomainError('ALREADY_EXISTS', `Agency ${agencyId} is already recorded.`);
  const name = requireName(command.data.name, "The agency's name");
  if (!knownAgencyTypes.includes(agencyType)) {
    throw new DomainError('VALIDATION_FAILED', `"${agencyType}" is not an agency type the area's group knows.`);
  }
  requireDate(from, 'The date the agency takes part from');
  if (to !== null) requireEnd(from, to);
  return [{ type: 'RelevantAgencyRecorded', data: { areaId, agencyId, name, agencyType, from, to } }];
}

function requireEnd(from: string, to: string): void {
  requireDate(to, 'The date the agency stops taking part');
  if (to <= from)
    throw new DomainError('VALIDATION_FAILED', `An agency stops taking part (${to}) after it starts (${from}).`);
}

export function endRelevantAgency(command: EndRelevantAgency, records: LocalRecords): LocalRecordEvent[] {
  const { actor, areaId, managedAreaIds, agencyId, to } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its relevant agencies');
  const agency = records.agencies[agencyId];
  if (!agency) throw new DomainError('NOT_FOUND', `The area has no relevant agency ${agencyId}.`);
  if (agency.to !== null) throw new DomainError('CONFLICT', `That agency already stopped taking part on ${agency.to}.`);
  requireEnd(agency.from, to);
  return [{ type: 'RelevantAgencyEnded', data: { areaId, agencyId, to } }];
}

/** L1: the area's own groups and working groups; a working group's links name regional workstreams of its group. */
export function recordLocalGroup(command: RecordLocalGroup, records: LocalRecords): LocalRecordEvent[] {
  const { actor, areaId, managedAreaIds, localGroupId, kind, meetingsPerYear, groupWorkstreamIds } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its own groups');
  if (records.localGroups.includes(localGroupId))
    throw new DomainError('ALREADY_EXISTS', `Local group ${localGroupId} is already recorded.`);
  const name = requireName(command.data.name, "The group's name");
  if (!LOCAL_GROUP_KINDS.includes(kind))
    throw new DomainError('VALIDATION_FAILED', 'A local group is a GROUP or a WORKING_GROUP.');
  if (!Number.isInteger(meetingsPerYear) || meetingsPerYear < 1 || meetingsPerYear > 52) {
    throw new DomainError('VALIDATION_FAILED', 'A local group meets a whole number of times a year, from 1 to 52.');
  }
  const workstreamIds = [...new Set(command.data.workstreamIds)];
  if (workstreamIds.length > 0 && kind !== 'WORKING_GROUP')
    throw new DomainError('VALIDATION_FAILED', 'Only a working group is linked to regional workstreams.');
  const unknown = workstreamIds.filter((id) => !groupWorkstreamIds.includes(id));
  if (unknown.length > 0) {
    throw new DomainError('NOT_FOUND', `No regional workstream of the area's group has id ${unknown.join(', ')}.`);
  }
  return [{ type: 'LocalGroupRecorded', data: { areaId, localGroupId, name, kind, meetingsPerYear, workstreamIds } }];
}
