import { cityHallDate } from '@city-hall-year/backstage-plugin-city-hall-year-common';

/** Today as a JST calendar date (YYYY-MM-DD), whatever the browser's zone. */
export function useToday(): string {
  return cityHallDate(new Date());
}
