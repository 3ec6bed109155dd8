/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
export type AcknowledgeFeedItemInput = {
  areaId: string | number;
  /** The cursor of the item. */
  cursor: string;
  /** Any string of 8 to 100 letters, digits, "-" or "_" chosen by the client. Sending the same key and input again returns the first result without recording anything twice; the same key with a different input is refused with IDEMPOTENCY_KEY_REUSED. It is recorded with the events, so a key that is an NHS number is refused with IDENTIFYING_DATA (R40). */
  idempotencyKey?: string | null | undefined;
  /** Why the change is made, up to 5000 characters: recorded with its events and shown in their history. */
  reason?: string | null | undefined;
};

/** L5: still due, met, or missed. */
export type DeadlineStatus = 'DUE' | 'MET' | 'MISSED';

/** Where a practice review stands: the panel not yet notified; notified, the rapid review not yet decided; a local review started and not yet published; closed (published, referred, or no review). */
export type PracticeReviewStage = 'AWAITING_DECISION' | 'AWAITING_NOTIFICATION' | 'CLOSED' | 'IN_REVIEW';

/** L5: a local child safeguarding practice review, a referral to the national panel, or no review. */
export type RapidReviewDecision = 'LCSPR' | 'NATIONAL_PANEL_REFERRAL' | 'NO_REVIEW';

export type RecordRapidReviewDecisionInput = {
  areaId: string | number;
  /** YYYY-MM-DD: the day the rapid review decided. Today (Europe/London) when omitted. */
  decidedOn?: string | null | undefined;
  decision: RapidReviewDecision;
  /** Why the partners decided so: governance, never case details (R40). */
  decisionReason: string;
  /** Any string of 8 to 100 letters, digits, "-" or "_" chosen by the client. Sending the same key and input again returns the first result without recording anything twice; the same key with a different input is refused with IDEMPOTENCY_KEY_REUSED. It is recorded with the events, so a key that is an NHS number is refused with IDENTIFYING_DATA (R40). */
  idempotencyKey?: string | null | undefined;
  /** Why the change is made, up to 5000 characters: recorded with its events and shown in their history. */
  reason?: string | null | undefined;
  reviewId: string | number;
};

/** L2: not yet due, late (past its due day, sent or not), or received in time. */
export type ReportUpStatus = 'DUE' | 'LATE' | 'RECEIVED';

export type SubmitPerformanceFiguresInput = {
  areaId: string | number;
  count: number;
  /** Any string of 8 to 100 letters, digits, "-" or "_" chosen by the client. Sending the same key and input again returns the first result without recording anything twice; the same key with a different input is refused with IDEMPOTENCY_KEY_REUSED. It is recorded with the events, so a key that is an NHS number is refused with IDENTIFYING_DATA (R40). */
  idempotencyKey?: string | null | undefined;
  /** A measure from the group's list. */
  measureId: string | number;
  /** A calendar quarter, e.g. 2026-Q3. */
  period: string;
  /** Why the change is made, up to 5000 characters: recorded with its events and shown in their history. */
  reason?: string | null | undefined;
  /** YYYY-MM-DD: the day the area sent them, from the start of the quarter; lateness is judged on it. Today (Europe/London) when omitted. */
  submittedOn?: string | null | undefined;
};

export type SubmitYearlyReportInput = {
  areaId: string | number;
  /** Any string of 8 to 100 letters, digits, "-" or "_" chosen by the client. Sending the same key and input again returns the first result without recording anything twice; the same key with a different input is refused with IDEMPOTENCY_KEY_REUSED. It is recorded with the events, so a key that is an NHS number is refused with IDENTIFYING_DATA (R40). */
  idempotencyKey?: string | null | undefined;
  link: string;
  /** The reporting year, e.g. 2025-26. */
  period: string;
  /** YYYY-MM-DD */
  publishedOn: string;
  /** Why the change is made, up to 5000 characters: recorded with its events and shown in their history. */
  reason?: string | null | undefined;
  /** YYYY-MM-DD: due within 7 days of publication. */
  sentToNationalPanelOn: string;
  /** YYYY-MM-DD: due within 7 days of publication. */
  sentToWhatWorksOn: string;
};

export type AreaFeedQueryVariables = Exact<{
  areaId: string | number;
  after?: string | null | undefined;
}>;

export type AreaFeedQuery = {
  areaFeed: {
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ cursor: string; node: { id: string; kind: string; title: string; acknowledgedAt: string | null } }>;
  };
};

export type AcknowledgeFeedItemMutationVariables = Exact<{
  input: AcknowledgeFeedItemInput;
}>;

export type AcknowledgeFeedItemMutation = { acknowledgeFeedItem: { id: string; acknowledgedAt: string | null } };

export type PerformanceMeasuresQueryVariables = Exact<{
  areaId: string | number;
}>;

export type PerformanceMeasuresQuery = { performanceMeasures: Array<{ id: string; name: string }> };

export type SubmitYearlyReportMutationVariables = Exact<{
  input: SubmitYearlyReportInput;
}>;

export type SubmitYearlyReportMutation = {
  submitYearlyReport: { id: string; status: ReportUpStatus; dueOn: string | null };
};

export type SubmitPerformanceFiguresMutationVariables = Exact<{
  input: SubmitPerformanceFiguresInput;
}>;

export type SubmitPerformanceFiguresMutation = {
  submitPerformanceFigures: { id: string; status: ReportUpStatus; dueOn: string | null };
};

export type RecordRapidReviewDecisionMutationVariables = Exact<{
  input: RecordRapidReviewDecisionInput;
}>;

export type RecordRapidReviewDecisionMutation = {
  recordRapidReviewDecision: {
    id: string;
    stage: PracticeReviewStage;
    rapidReview: { dueOn: string; status: DeadlineStatus } | null;
  };
};

export const AreaFeedDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'AreaFeed' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'areaId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
          type: { kind: 'NamedType', name: { kind: 'Name', value: 'String' } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'areaFeed' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'areaId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'areaId' } },
              },
              { kind: 'Argument', name: { kind: 'Name', value: 'first' }, value: { kind: 'IntValue', value: '50' } },
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'after' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'after' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'pageInfo' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'hasNextPage' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'endCursor' } },
                    ],
                  },
                },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'edges' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'cursor' } },
                      {
                        kind: 'Field',
                        name: { kind: 'Name', value: 'node' },
                        selectionSet: {
                          kind: 'SelectionSet',
                          selections: [
                            { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'kind' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'title' } },
                            { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
                          ],
                        },
                      },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AreaFeedQuery, AreaFeedQueryVariables>;
export const AcknowledgeFeedItemDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'AcknowledgeFeedItem' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'AcknowledgeFeedItemInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'acknowledgeFeedItem' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'acknowledgedAt' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<AcknowledgeFeedItemMutation, AcknowledgeFeedItemMutationVariables>;
export const PerformanceMeasuresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'query',
      name: { kind: 'Name', value: 'PerformanceMeasures' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'areaId' } },
          type: { kind: 'NonNullType', type: { kind: 'NamedType', name: { kind: 'Name', value: 'ID' } } },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'performanceMeasures' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'areaId' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'areaId' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'name' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<PerformanceMeasuresQuery, PerformanceMeasuresQueryVariables>;
export const SubmitYearlyReportDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SubmitYearlyReport' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SubmitYearlyReportInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitYearlyReport' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dueOn' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SubmitYearlyReportMutation, SubmitYearlyReportMutationVariables>;
export const SubmitPerformanceFiguresDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'SubmitPerformanceFigures' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'SubmitPerformanceFiguresInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'submitPerformanceFigures' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                { kind: 'Field', name: { kind: 'Name', value: 'dueOn' } },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<SubmitPerformanceFiguresMutation, SubmitPerformanceFiguresMutationVariables>;
export const RecordRapidReviewDecisionDocument = {
  kind: 'Document',
  definitions: [
    {
      kind: 'OperationDefinition',
      operation: 'mutation',
      name: { kind: 'Name', value: 'RecordRapidReviewDecision' },
      variableDefinitions: [
        {
          kind: 'VariableDefinition',
          variable: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
          type: {
            kind: 'NonNullType',
            type: { kind: 'NamedType', name: { kind: 'Name', value: 'RecordRapidReviewDecisionInput' } },
          },
        },
      ],
      selectionSet: {
        kind: 'SelectionSet',
        selections: [
          {
            kind: 'Field',
            name: { kind: 'Name', value: 'recordRapidReviewDecision' },
            arguments: [
              {
                kind: 'Argument',
                name: { kind: 'Name', value: 'input' },
                value: { kind: 'Variable', name: { kind: 'Name', value: 'input' } },
              },
            ],
            selectionSet: {
              kind: 'SelectionSet',
              selections: [
                { kind: 'Field', name: { kind: 'Name', value: 'id' } },
                { kind: 'Field', name: { kind: 'Name', value: 'stage' } },
                {
                  kind: 'Field',
                  name: { kind: 'Name', value: 'rapidReview' },
                  selectionSet: {
                    kind: 'SelectionSet',
                    selections: [
                      { kind: 'Field', name: { kind: 'Name', value: 'dueOn' } },
                      { kind: 'Field', name: { kind: 'Name', value: 'status' } },
                    ],
                  },
                },
              ],
            },
          },
        ],
      },
    },
  ],
} as unknown as DocumentNode<RecordRapidReviewDecisionMutation, RecordRapidReviewDecisionMutationVariables>;
