import { CITY_HALL_TIME_ZONE } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { DateTime } from 'luxon';

/** Today as a JST calendar date (YYYY-MM-DD), whatever the browser's zone. */
export function useToday(): string {
  return DateTime.now().setZone(CITY_HALL_TIME_ZONE).toISODate()!;
}
