import { parseSignedTreeHead, TransparencyLog, TREE_HEAD_ALGORITHM, verifyHashChains } from '@app/event-store';
import { AppConfig } from '@app/platform';
import { importJWK, JWK, KeyLike } from 'jose';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DomainError } from '@app/domain';
import { createEventStore } from '../../../api/src/infrastructure/create-event-store';
import { LOG_KEY_FILE, loadOrCreateLogKey } from '../../../api/src/integrity/log-key';

export interface VerifyOptions {
  /** A signed head kept elsewhere (a file written by `cli head` or saved from an area's feed). */
  readonly witness?: string | null;
  /** The log's public key as a JWK (from /.well-known/transparency-log-key); DATA_DIR's log key otherwise. */
  readonly key?: string | null;
}

/**
 * Walks every stream's hash chain, and with a witness, checks the store against a head held
 * elsewhere: its signature, that the store still holds as many events, and that the first
 * `treeSize` of them still have its root. Exit code 1 and each failure named when any fails.
 * Redactions are listed with who made them, when and why: they pass, and they are never silent.
 */
export async function verify(config: AppConfig, options: VerifyOptions = {}): Promise<number> {
  const witness = options.witness ? readWitness(options.witness) : null;
  const publicKey = witness ? await logPublicKey(config, options.key ?? null) : null;
  const store = createEventStore(config);
  try {
    const report = await verifyHashChains(store, (checked) => process.stderr.write(`\rchecked ${checked} events`));
    process.stderr.write('\n');
    let failed = false;
    if (report.breaks.length === 0) {
      process.stdout.write(`ok: ${report.events} events in ${report.streams} streams, every hash chain intact\n`);
    } else {
      failed = true;
      const streams = [...new Set(report.breaks.map((b) => b.streamId))];
      process.stdout.write(`BROKEN: ${streams.length} of ${report.streams} streams fail verification\n`);
      for (const b of report.breaks) {
        process.stdout.write(`  ${b.streamId} at revision ${b.revision} (position ${b.position}): ${b.problem}\n`);
      }
    }
    if (report.redactions.length > 0) {
      process.stdout.write(`redactions: ${report.redactions.length} (A7), each verified by its record\n`);
      for (const r of report.redactions) {
        process.stdout.write(
          `  ${r.field} of event ${r.eventId} in ${r.streamId}, by ${r.by} at ${r.at}, because: ${r.reason}${r.reanchored ? ' (recorded before text was sealed: re-anchored)' : ''}\n`,
        );
      }
    }
    if (witness && publicKey) {
      const log = await TransparencyLog.scan(store);
      const problems = await log.problemsWith(witness, publicKey);
      if (problems.length === 0) {
        process.stdout.write(
          `ok: the witness head of ${witness.timestamp} holds: the first ${witness.treeSize} of ${log.size} events still have root ${witness.rootHash}\n`,
        );
      } else {
        failed = true;
        process.stdout.write(`WITNESS FAILED: the store does not match the head of ${witness.timestamp}\n`);
        for (const problem of problems) process.stdout.write(`  ${problem}\n`);
      }
    }
    return failed ? 1 : 0;
  } finally {
    await store.close();
  }
}

function readWitness(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const reason =
      (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'there is no such file' : (error as Error).message;
    throw new DomainError(
      'VALIDATION_FAILED',
      `The witness ${file} could not be read: ${reason}. Give the path of a head.json you kept.`,
    );
  }
  try {
    return parseSignedTreeHead(JSON.parse(text));
  } catch (error) {
    throw new DomainError('VALIDATION_FAILED', `${file} is not a signed tree head: ${(error as Error).message}`);
  }
}

async function logPublicKey(config: AppConfig, keyFile: string | null): Promise<KeyLike> {
  if (keyFile) {
    try {
      const { d: _private, ...jwk } = JSON.parse(readFileSync(keyFile, 'utf8')) as JWK;
      return (await importJWK(jwk, TREE_HEAD_ALGORITHM)) as KeyLike;
    } catch (error) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `${keyFile} is not an ES256 public key as a JWK: ${(error as Error).message}`,
      );
    }
  }
  if (!existsSync(join(config.dataDir, LOG_KEY_FILE))) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `There is no log key in ${config.dataDir}; pass the log's public key with --key <jwk.json>.`,
    );
  }
  return (await loadOrCreateLogKey(config)).publicKey;
}
