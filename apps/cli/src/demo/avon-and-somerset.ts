/**
 * The Avon and Somerset Strategic Safeguarding Partnership as its terms of reference describe it
 * (seeds/003, Appendix 2): one regional group over five local authority areas.
 */
export const AVON_AND_SOMERSET = {
  name: 'Avon and Somerset Strategic Safeguarding Partnership',
  areas: ['Bath and North East Somerset', 'Bristol', 'North Somerset', 'Somerset', 'South Gloucestershire'],
  administrator: { name: 'Platform Administrator', email: 'admin@asssp.example', subject: null },
} as const;
