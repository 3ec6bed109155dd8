/** Roles granted directly by an administrator. Representative, chair and lead roles follow from membership events. */
export const PLATFORM_ROLES = ['ADMINISTRATOR', 'AUDITOR', 'AREA_BUSINESS_MANAGER'] as const;
export type PlatformRole = (typeof PLATFORM_ROLES)[number];

/** Who did something, copied into every event's metadata from the verified identity. */
export type Actor = Readonly<{
  personId: string;
  partnerId: string | null;
  roles: readonly string[];
}>;
