import { expect, type APIRequestContext } from '@playwright/test';
import { api, signIn } from './signIn';

/** Takes back every mark a user made on a course, so that a run starts afresh. */
export async function unmarkAll(
  request: APIRequestContext,
  user: string,
  slug: string,
) {
  const headers = await signIn(request, user);
  const mine = await (
    await request.get(`${api}/courses/${slug}/progress`, { headers })
  ).json();
  for (const { position } of mine.done as Array<{ position: number }>) {
    const res = await request.put(
      `${api}/courses/${slug}/progress/${position}`,
      { headers, data: { done: false } },
    );
    expect(res.status()).toBe(200);
  }
}

/** Marks steps done through the API, as another learner would in the browser. */
export async function markSteps(
  request: APIRequestContext,
  user: string,
  slug: string,
  positions: number[],
) {
  const headers = await signIn(request, user);
  for (const position of positions) {
    const res = await request.put(
      `${api}/courses/${slug}/progress/${position}`,
      { headers, data: { done: true } },
    );
    expect(res.status()).toBe(200);
  }
}
