// Every type, field, argument and enum value of the GraphQL schema has a description, so the IDE
// served by the app (GraphiQL at /graphiql) documents the whole API.
import fs from 'node:fs';
import { buildSchema, isEnumType, isInputObjectType, isInterfaceType, isObjectType } from 'graphql';
import { describe, expect, it } from 'vitest';

const schema = buildSchema(fs.readFileSync('server/src/graphql/schema.graphql', 'utf8'));

function undescribed(): string[] {
  const missing: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || ['String', 'Int', 'Float', 'Boolean', 'ID'].includes(type.name)) continue;
    if (!type.description) missing.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const f of Object.values(type.getFields())) {
        if (!f.description) missing.push(`${type.name}.${f.name}`);
        for (const a of 'args' in f ? f.args : [])
          if (!a.description) missing.push(`${type.name}.${f.name}(${a.name})`);
      }
    }
    if (isEnumType(type)) for (const v of type.getValues()) if (!v.description) missing.push(`${type.name}.${v.name}`);
  }
  return missing;
}

describe('schema descriptions', () => {
  it('describes every type, field, argument and enum value', () => {
    expect(undescribed()).toEqual([]);
  });
});
