import type {
  AuthService,
  DiscoveryService,
} from '@backstage/backend-plugin-api';
import type {
  Course,
  CourseView,
  EntryPage,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';
import type {
  DocumentCollatorFactory,
  IndexableDocument,
} from '@backstage/plugin-search-common';
import { Readable } from 'node:stream';
import { pluginApiReader } from './pluginApi';

const PAGE = 200;

/** The search document type of City Hall Year training courses. */
export const CITY_HALL_YEAR_COURSE_DOCUMENT_TYPE = 'city-hall-year-course';

/** A training course as Backstage search indexes it. */
export interface CityHallYearCourseDocument extends IndexableDocument {
  slug: string;
  audience: string;
  stepCount: number;
}

/**
 * Training courses in Backstage search: title, audience, introduction, each step's
 * note and the titles of the published entries it links. Every signed-in user reads
 * courses, so the documents carry no per-result permission.
 */
export class CourseCollatorFactory implements DocumentCollatorFactory {
  readonly type = CITY_HALL_YEAR_COURSE_DOCUMENT_TYPE;

  constructor(
    private readonly deps: { discovery: DiscoveryService; auth: AuthService },
  ) {}

  async getCollator(): Promise<Readable> {
    return Readable.from(this.documents());
  }

  private async *documents(): AsyncGenerator<CityHallYearCourseDocument> {
    const get = await pluginApiReader(this.deps);
    // A service may read drafts too: only published entries' titles go into the index.
    const published = new Set<string>();
    for (let offset = 0; ; offset += PAGE) {
      const page = await get<EntryPage>(
        `/entries?status=published&limit=${PAGE}&offset=${offset}`,
      );
      page.items.forEach(entry => published.add(entry.slug));
      if (offset + PAGE >= page.totalCount) break;
    }
    const { items } = await get<{ items: Course[] }>('/courses');
    for (const course of items) {
      const view = await get<CourseView>(
        `/courses/${encodeURIComponent(course.slug)}`,
      );
      yield {
        title: course.title.en
          ? `${course.title.ja}（${course.title.en}）`
          : course.title.ja,
        text: [
          course.audience.ja,
          course.audience.en,
          course.description?.ja,
          course.description?.en,
          ...view.steps.flatMap(step => [
            published.has(step.entrySlug) ? step.entry?.title.ja : undefined,
            step.note?.ja,
            step.note?.en,
          ]),
        ]
          .filter(Boolean)
          .join('\n'),
        location: `/city-hall-year/courses/${encodeURIComponent(course.slug)}`,
        slug: course.slug,
        audience: course.audience.ja,
        stepCount: course.steps.length,
      };
    }
  }
}
