import type { HttpAuthService } from '@backstage/backend-plugin-api';
import type { ChangeService } from './ChangeService';
import type { ClarityService } from './ClarityService';
import type { CourseService } from './CourseService';
import type { EntryService } from './EntryService';
import type { FaqService } from './FaqService';
import type { FeedService } from './FeedService';
import type { HandoverService } from './HandoverService';
import type { ImportExportService } from './ImportExportService';
import type { IdeaService } from './IdeaService';
import type { PersonalYear } from './PersonalYear';
import type { ProgressService } from './ProgressService';
import type { ProposalService } from './ProposalService';
import type { QuestionService } from './QuestionService';
import type { YearService } from './YearService';

/** The services the HTTP routes hand their requests to. */
export interface RouterOptions {
  httpAuth: HttpAuthService;
  yearService: YearService;
  entryService: EntryService;
  importExportService: ImportExportService;
  courses: CourseService;
  progress: ProgressService;
  personalYear: PersonalYear;
  feeds: FeedService;
  handover: HandoverService;
  changes: ChangeService;
  questions: QuestionService;
  faq: FaqService;
  clarity: ClarityService;
  proposals: ProposalService;
  ideas: IdeaService;
}
