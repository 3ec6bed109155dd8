import DataLoader from 'dataloader';
import { LocalAreaRow, RegionalGroupQueries } from '@app/read-models';

/** Made fresh for each request, so batching never serves one request's cache to another. */
export interface Loaders {
  readonly areasOfGroup: DataLoader<string, LocalAreaRow[]>;
}

export function createLoaders(groups: RegionalGroupQueries): Loaders {
  return {
    areasOfGroup: new DataLoader(async (groupIds) => {
      const byGroup = groups.areasOfGroups(groupIds);
      return groupIds.map((id) => byGroup.get(id) ?? []);
    }),
  };
}
