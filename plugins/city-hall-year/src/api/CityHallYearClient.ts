import type { DiscoveryApi, FetchApi } from '@backstage/core-plugin-api';
import { ResponseError } from '@backstage/errors';
import type {
  Entry,
  EntryPage,
  YearView,
} from '@internal/plugin-city-hall-year-common';
import type { CityHallYearApi, ListEntriesRequest } from './CityHallYearApi';

/** {@link CityHallYearApi} over HTTP, with the signed-in user's token. */
export class CityHallYearClient implements CityHallYearApi {
  private readonly discoveryApi: DiscoveryApi;
  private readonly fetchApi: FetchApi;

  constructor(options: { discoveryApi: DiscoveryApi; fetchApi: FetchApi }) {
    this.discoveryApi = options.discoveryApi;
    this.fetchApi = options.fetchApi;
  }

  getYear(fiscalYear: number): Promise<YearView> {
    return this.get(`/years/${encodeURIComponent(String(fiscalYear))}`);
  }

  listEntries(request: ListEntriesRequest = {}): Promise<EntryPage> {
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(request)) {
      if (value === undefined || value === '') continue;
      if (Array.isArray(value)) {
        if (value.length) params.set(key, value.join(','));
      } else {
        params.set(key, String(value));
      }
    }
    const query = params.toString();
    return this.get(`/entries${query ? `?${query}` : ''}`);
  }

  getEntry(idOrSlug: string): Promise<Entry> {
    return this.get(`/entries/${encodeURIComponent(idOrSlug)}`);
  }

  private async get<T>(path: string): Promise<T> {
    const baseUrl = await this.discoveryApi.getBaseUrl('city-hall-year');
    const response = await this.fetchApi.fetch(`${baseUrl}${path}`);
    if (!response.ok) {
      throw await ResponseError.fromResponse(response);
    }
    return (await response.json()) as T;
  }
}
