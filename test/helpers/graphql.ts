// A GraphQL request to a running server that must succeed: the data, or the test fails with the
// errors the API gave.
import { expect } from 'vitest';

export async function gqlData(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<Record<string, any>> {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: { message: string }[] };
  expect(body.errors).toBeUndefined();
  return body.data!;
}
