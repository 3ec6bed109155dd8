/**
 * The reason given for a change itself (A1), from an event's metadata. Until schema version 3 an
 * area recorded why it did not adopt a policy in the same `reason` field, so that reason reached
 * the metadata too; there it is the decision's reason, kept in the event's data, not the change's.
 */
export function changeReasonOf(
  type: string,
  data: unknown,
  metadata: Readonly<{ reason?: unknown; schemaVersion?: unknown }>,
): string | null {
  const { reason } = metadata;
  if (typeof reason !== 'string') return null;
  const schemaVersion = typeof metadata.schemaVersion === 'number' ? metadata.schemaVersion : 1;
  const decisionReason = (data as { reason?: unknown } | null)?.reason;
  return type === 'PolicyAdoptionRecorded' && schemaVersion < 3 && reason === decisionReason ? null : reason;
}
