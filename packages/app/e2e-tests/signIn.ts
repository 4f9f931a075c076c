import { expect, type APIRequestContext } from '@playwright/test';

/** The backend the browser tests call directly. */
export const backend = process.env.BACKEND_URL ?? 'http://localhost:7007';

/** The plugin's API. */
export const api = `${backend}/api/city-hall-year`;

/** The Authorization header of an example user, from the development sign-in provider. */
export async function signIn(
  request: APIRequestContext,
  user: string,
): Promise<Record<string, string>> {
  const res = await request.get(
    `${backend}/api/auth/demo/refresh?env=development`,
    {
      headers: { 'X-Requested-With': 'XMLHttpRequest', 'X-Demo-User': user },
    },
  );
  expect(res.status()).toBe(200);
  const { token } = (await res.json()).backstageIdentity;
  return { Authorization: `Bearer ${token}` };
}
