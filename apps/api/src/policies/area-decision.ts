import { WHOLE_RECORD } from '@app/read-models';
import { derivedId } from '../common/derived-id';
import { GraphqlContext } from '../graphql/graphql-context';
import { AreaAdoption } from './policy.types';

/**
 * An area's decision on a version as recorded now, null while it has none. The whole record, not
 * one day's view, as an area decides each version once whatever the day it gives.
 */
export async function areaDecision(
  context: GraphqlContext,
  policyId: string,
  areaId: string,
  version: number,
): Promise<AreaAdoption | null> {
  const adoptions = await context.loaders.adoptionsOfPolicy.load({ id: policyId, args: { view: WHOLE_RECORD } });
  const row = adoptions.find((adoption) => adoption.areaId === areaId && adoption.version === version);
  return row ? { ...row, id: derivedId('AreaAdoption', policyId, row.version, row.areaId) } : null;
}
