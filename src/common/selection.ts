import { isAbstractType, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLSchema } from 'graphql';

// The fields a query document asks for, by object type: every field it names anywhere (all its
// operations and fragments, whatever their directives), under the type it is asked on; a field
// asked on an interface or a union counts for each of its object types. A superset of what one
// run reads, which is what a loader may rely on: it leaves out a column that no field of the
// document names (rowsByKey's optional columns, common/rows.ts).
export type Selection = ReadonlyMap<string, ReadonlySet<string>>;

// One per document (Apollo keeps one parsed document per query text) and schema.
const selections = new WeakMap<GraphQLSchema, WeakMap<DocumentNode, Selection>>();

export function selectionOf(schema: GraphQLSchema, document: DocumentNode): Selection {
  let bySchema = selections.get(schema);
  if (!bySchema) {
    bySchema = new WeakMap();
    selections.set(schema, bySchema);
  }
  let selection = bySchema.get(document);
  if (!selection) {
    selection = fieldsByType(schema, document);
    bySchema.set(document, selection);
  }
  return selection;
}

function fieldsByType(schema: GraphQLSchema, document: DocumentNode): Selection {
  const fields = new Map<string, Set<string>>();
  const add = (typeName: string, field: string) => {
    let names = fields.get(typeName);
    if (!names) {
      names = new Set();
      fields.set(typeName, names);
    }
    names.add(field);
  };
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        if (isAbstractType(parent)) for (const type of schema.getPossibleTypes(parent)) add(type.name, node.name.value);
        else add(parent.name, node.name.value);
      },
    }),
  );
  return fields;
}
