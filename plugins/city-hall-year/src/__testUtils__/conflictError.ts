import { ResponseError } from '@backstage/errors';

/** The error the client throws when the server answers 409: the item changed meanwhile. */
export async function conflictError(url: string): Promise<ResponseError> {
  const body = JSON.stringify({
    error: { name: 'ConflictError', message: 'changed meanwhile' },
    response: { statusCode: 409 },
  });
  return ResponseError.fromResponse({
    ok: false,
    status: 409,
    statusText: 'Conflict',
    headers: new Headers({ 'Content-Type': 'application/json' }),
    redirected: false,
    type: 'basic',
    url,
    text: async () => body,
  });
}
