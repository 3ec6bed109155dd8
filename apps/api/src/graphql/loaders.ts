import DataLoader from 'dataloader';
import { LocalAreaRow, MembershipQueries, PartnerRow, RegionalGroupQueries, RepresentativeRow } from '@app/read-models';

/** Made fresh for each request, so batching never serves one request's cache to another. */
export interface Loaders {
  readonly areasOfGroup: DataLoader<string, LocalAreaRow[]>;
  readonly area: DataLoader<string, LocalAreaRow | null>;
  readonly partnersOfGroup: DataLoader<string, PartnerRow[]>;
  readonly partner: DataLoader<string, PartnerRow | null>;
  readonly areaIdsOfPartner: DataLoader<string, string[]>;
  readonly representativesOfGroup: DataLoader<string, RepresentativeRow[]>;
  readonly appointment: DataLoader<string, RepresentativeRow | null>;
}

/** A loader over a query that answers a whole batch of keys at once as a map. */
function batched<V>(load: (keys: readonly string[]) => Map<string, V>, missing: V): DataLoader<string, V> {
  return new DataLoader(async (keys) => {
    const found = load(keys);
    return keys.map((key) => found.get(key) ?? missing);
  });
}

export function createLoaders(groups: RegionalGroupQueries, membership: MembershipQueries): Loaders {
  return {
    areasOfGroup: batched((ids) => groups.areasOfGroups(ids), []),
    area: batched((ids) => groups.areas(ids), null),
    partnersOfGroup: batched((ids) => membership.partnersOfGroups(ids), []),
    partner: batched((ids) => membership.partners(ids), null),
    areaIdsOfPartner: batched((ids) => membership.areaIdsOfPartners(ids), []),
    representativesOfGroup: batched((ids) => membership.representativesOfGroups(ids), []),
    appointment: batched((ids) => membership.appointments(ids), null),
  };
}
