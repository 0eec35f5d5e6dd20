// Operation limits, checked before anything runs: selection depth, number of fields (aliases
// included, fragments expanded) and aliases. A query that asks for too much is refused whole.
import {
  GraphQLError,
  Kind,
  type ASTVisitor,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
} from 'graphql';

export const MAX_DEPTH = 10;
export const MAX_FIELDS = 300;
export const MAX_ALIASES = 20;

function measure(
  set: SelectionSetNode,
  fragments: Record<string, FragmentDefinitionNode>,
  depth: number,
  acc: { depth: number; fields: number; aliases: number },
  seen: Set<string>,
): void {
  acc.depth = Math.max(acc.depth, depth);
  for (const sel of set.selections) {
    if (sel.kind === Kind.FIELD) {
      acc.fields++;
      if (sel.alias) acc.aliases++;
      if (sel.selectionSet) measure(sel.selectionSet, fragments, depth + 1, acc, seen);
    } else if (sel.kind === Kind.INLINE_FRAGMENT) {
      measure(sel.selectionSet, fragments, depth, acc, seen);
    } else {
      const frag = fragments[sel.name.value];
      if (frag && !seen.has(sel.name.value)) {
        seen.add(sel.name.value);
        measure(frag.selectionSet, fragments, depth, acc, seen);
        seen.delete(sel.name.value);
      }
    }
  }
}

export function operationLimits(context: ValidationContext): ASTVisitor {
  return {
    OperationDefinition(node) {
      const fragments: Record<string, FragmentDefinitionNode> = {};
      for (const d of context.getDocument().definitions)
        if (d.kind === Kind.FRAGMENT_DEFINITION) fragments[d.name.value] = d;
      const acc = { depth: 0, fields: 0, aliases: 0 };
      measure(node.selectionSet, fragments, 1, acc, new Set());
      const refuse = (message: string) =>
        context.reportError(new GraphQLError(message, { nodes: [node], extensions: { code: 'BAD_USER_INPUT' } }));
      if (acc.depth > MAX_DEPTH) refuse(`query depth ${acc.depth} exceeds the limit of ${MAX_DEPTH}`);
      if (acc.fields > MAX_FIELDS) refuse(`query selects ${acc.fields} fields; the limit is ${MAX_FIELDS}`);
      if (acc.aliases > MAX_ALIASES) refuse(`query uses ${acc.aliases} aliases; the limit is ${MAX_ALIASES}`);
    },
  };
}
