import { humanise, tag } from '../components';
import { Html } from '../html';

/** A workstream's lead and reports as both workstream pages ask the API for them. */
export const WORKSTREAM_SUMMARY_FIELDS =
  'id name kind status closedOn leadPartnerId lead { personId name } latestStatus { rag note reportedOn } reportedSinceLastMeeting';

export interface StatusReport {
  rag: string;
  note: string;
  reportedOn: string;
}

export interface WorkstreamSummary {
  id: string;
  name: string;
  kind: string;
  status: string;
  closedOn: string | null;
  leadPartnerId: string;
  lead: { personId: string; name: string };
  latestStatus: StatusReport | null;
  reportedSinceLastMeeting: boolean;
}

const RAG_COLOURS = { RED: 'red', AMBER: 'orange', GREEN: 'green' } as const;

/** A status report's red, amber or green (W1) as a tag of that colour. */
export function ragTag(rag: string): Html {
  return tag(humanise(rag), RAG_COLOURS[rag as keyof typeof RAG_COLOURS]);
}

/**
 * W1: whether the lead has reported to the group since it last met, as the API answers it, while the
 * workstream is open; a closed one reports no more, so its silence is not flagged.
 */
export function reportedTag(workstream: WorkstreamSummary): Html | string {
  if (workstream.closedOn) return 'No report due: closed';
  return workstream.reportedSinceLastMeeting ? tag('Reported', 'green') : tag('Not reported', 'red');
}

/** The lead person and, when the reader may read the group's partners, the lead partner. */
export function leadOf(workstream: WorkstreamSummary, partnerName: ReadonlyMap<string, string>): string {
  const partner = partnerName.get(workstream.leadPartnerId);
  return partner ? `${workstream.lead.name}, ${partner}` : workstream.lead.name;
}
