import { requireNotBefore, requireNotFuture } from '../shared/dates';
import { DomainError } from '../shared/domain-error';
import { normaliseName } from '../shared/text';
import { requireAreaManager } from './area-recorders';
import {
  LocalRecordEvent,
  LocalRecords,
  PublishArrangements,
  PublishedVersion,
  RecordArrangementsImplemented,
  RecordSecretaryOfStateNotified,
} from './local-records';

/** L4: a version of the area's arrangements as published, and (when already done) when the Secretary of State was told. */
export function publishArrangements(command: PublishArrangements, records: LocalRecords): LocalRecordEvent[] {
  const { actor, areaId, managedAreaIds, publishedOn, secretaryOfStateNotifiedOn, now } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its published arrangements');
  const version = normaliseName(command.data.version);
  if (version.length === 0) throw new DomainError('VALIDATION_FAILED', 'The arrangements need a version label.');
  if (records.arrangements[version])
    throw new DomainError('ALREADY_EXISTS', `Version ${version} of the arrangements is already recorded.`);
  requireNotFuture(publishedOn, now, 'The publication date');
  if (secretaryOfStateNotifiedOn !== null) requireNotification(secretaryOfStateNotifiedOn, publishedOn, now);
  return [{ type: 'ArrangementsPublished', data: { areaId, version, publishedOn, secretaryOfStateNotifiedOn } }];
}

function requireNotification(notifiedOn: string, publishedOn: string, now: string): void {
  requireNotFuture(notifiedOn, now, 'The date the Secretary of State was notified');
  requireNotBefore(notifiedOn, publishedOn, 'The date the Secretary of State was notified', 'publication');
}

function publishedVersion(records: LocalRecords, version: string): PublishedVersion {
  const published = records.arrangements[version] as PublishedVersion | undefined;
  if (!published)
    throw new DomainError('NOT_FOUND', `The area has published no version ${version} of its arrangements.`);
  return published;
}

export function recordSecretaryOfStateNotified(
  command: RecordSecretaryOfStateNotified,
  records: LocalRecords,
): LocalRecordEvent[] {
  const { actor, areaId, managedAreaIds, version, notifiedOn, now } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its published arrangements');
  const published = publishedVersion(records, version);
  if (published.notifiedOn !== null)
    throw new DomainError('ALREADY_EXISTS', `The Secretary of State was already notified on ${published.notifiedOn}.`);
  requireNotification(notifiedOn, published.publishedOn, now);
  return [{ type: 'SecretaryOfStateNotified', data: { areaId, version, notifiedOn } }];
}

/** L4: implemented on a day; whether that was within the 3 months is the rule in arrangements-implementation.ts. */
export function recordArrangementsImplemented(
  command: RecordArrangementsImplemented,
  records: LocalRecords,
): LocalRecordEvent[] {
  const { actor, areaId, managedAreaIds, version, implementedOn, now } = command.data;
  requireAreaManager(actor, areaId, managedAreaIds, 'records its published arrangements');
  const published = publishedVersion(records, version);
  if (published.implementedOn !== null)
    throw new DomainError(
      'ALREADY_EXISTS',
      `Version ${version} was already implemented on ${published.implementedOn}.`,
    );
  requireNotFuture(implementedOn, now, 'The implementation date');
  requireNotBefore(implementedOn, published.publishedOn, 'The implementation date', 'publication');
  return [{ type: 'ArrangementsImplemented', data: { areaId, version, implementedOn } }];
}
