/** Bound parameters of one `whereIn`, well below SQLite's limit per statement. */
const SLICE = 500;

/** `items` in slices small enough for one `whereIn` each. */
export function slices<T>(items: T[]): T[][] {
  const result: T[][] = [];
  for (let i = 0; i < items.length; i += SLICE) {
    result.push(items.slice(i, i + SLICE));
  }
  return result;
}
