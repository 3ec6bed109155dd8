import {
  FieldNode,
  getNamedType,
  getNullableType,
  GraphQLError,
  GraphQLField,
  GraphQLNamedType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
  ValidationRule,
} from 'graphql';

/** The depth and cost a request may reach; README "Limits" explains how to read them. */
export const QUERY_LIMITS = { maxDepth: 10, maxCost: 20000 } as const;

/** A page holds at most this many items (every `first` argument is refused above it). */
const LARGEST_PAGE = 100;
/** Lists that take no `first` (a group's areas, a meeting's decisions) are counted as this many items. */
const UNPAGED_LIST_ITEMS = 10;

interface Measure {
  readonly depth: number;
  readonly cost: number;
}

/**
 * Refuses an operation deeper or costlier than QUERY_LIMITS. The cost is the number of values
 * the response can hold at most: every field counts one, and everything under a list counts once
 * per item. A connection's lists (`edges`) hold the page its `first` asks for (100 when `first`
 * comes in a variable); any other list counts as UNPAGED_LIST_ITEMS. Introspection is bounded by
 * the schema's own size and is not counted.
 */
export function queryLimitsRule(limits: { maxDepth: number; maxCost: number } = QUERY_LIMITS): ValidationRule {
  return (context: ValidationContext) => ({
    OperationDefinition(operation: OperationDefinitionNode) {
      const root = context.getSchema().getRootType(operation.operation);
      if (!root) return;
      const { depth, cost } = measureSelections(context, operation.selectionSet, root, undefined, new Set());
      if (depth > limits.maxDepth) {
        context.reportError(
          new GraphQLError(
            `Query depth ${depth} exceeds the limit of ${limits.maxDepth}; ask for fewer nested fields.`,
            {
              nodes: [operation],
              extensions: { depth, maxDepth: limits.maxDepth },
            },
          ),
        );
      }
      if (cost > limits.maxCost) {
        context.reportError(
          new GraphQLError(
            `Query cost ${cost} exceeds the limit of ${limits.maxCost}; ask for smaller pages or fewer fields.`,
            { nodes: [operation], extensions: { cost, maxCost: limits.maxCost } },
          ),
        );
      }
    },
  });
}

function measureSelections(
  context: ValidationContext,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType,
  page: number | undefined,
  fragmentsInUse: ReadonlySet<string>,
): Measure {
  let depth = 0;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    let measure: Measure;
    if (selection.kind === Kind.FIELD) {
      measure = measureField(context, selection, parentType, page, fragmentsInUse);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? context.getSchema().getType(selection.typeCondition.name.value) : null;
      measure = measureSelections(context, selection.selectionSet, type ?? parentType, page, fragmentsInUse);
    } else {
      const name = selection.name.value;
      const fragment = context.getFragment(name);
      // An unknown or cyclic fragment is reported by GraphQL's own rules; measuring it would not end.
      if (!fragment || fragmentsInUse.has(name)) continue;
      const type = context.getSchema().getType(fragment.typeCondition.name.value) ?? parentType;
      measure = measureSelections(context, fragment.selectionSet, type, page, new Set([...fragmentsInUse, name]));
    }
    depth = Math.max(depth, measure.depth);
    cost += measure.cost;
  }
  return { depth, cost };
}

/**
 * A field counts one, and its selections once per item when it is a list. `page` is the page a
 * connection above asked for: its lists (`edges`) hold that many items; its other fields
 * (`totalCount`, `pageInfo`) are there once.
 */
function measureField(
  context: ValidationContext,
  node: FieldNode,
  parentType: GraphQLNamedType,
  page: number | undefined,
  fragmentsInUse: ReadonlySet<string>,
): Measure {
  if (node.name.value.startsWith('__')) return { depth: 0, cost: 0 };
  const field =
    isObjectType(parentType) || isInterfaceType(parentType) ? parentType.getFields()[node.name.value] : null;
  // An unknown field is reported by GraphQL's own rules.
  if (!field || !node.selectionSet) return { depth: 1, cost: 1 };
  const ownPage = requestedPageSize(node, field);
  const isList = isListType(getNullableType(field.type));
  const items = isList ? (ownPage ?? page ?? UNPAGED_LIST_ITEMS) : 1;
  const childPage = isList ? undefined : ownPage;
  const children = measureSelections(context, node.selectionSet, getNamedType(field.type), childPage, fragmentsInUse);
  return { depth: children.depth + 1, cost: 1 + items * children.cost };
}
/** The page a paged field asks for, or undefined for a field that takes no `first`. */
function requestedPageSize(node: FieldNode, field: GraphQLField<unknown, unknown>): number | undefined {
  const definition = field.args.find((argument) => argument.name === 'first');
  if (!definition) return undefined;
  const given = node.arguments?.find((argument) => argument.name.value === 'first')?.value;
  if (!given) return typeof definition.defaultValue === 'number' ? definition.defaultValue : LARGEST_PAGE;
  if (given.kind === Kind.INT) return Math.min(Math.max(Number(given.value), 1), LARGEST_PAGE);
  return LARGEST_PAGE;
}
