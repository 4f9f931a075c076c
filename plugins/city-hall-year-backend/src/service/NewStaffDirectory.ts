import type { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  HIRED_ON_ANNOTATION,
  resolveFiscalYear,
} from '@city-hall-year/backstage-plugin-city-hall-year-common';

/**
 * Who is new staff (新規採用職員) in a fiscal year: the people whose User entity in the
 * catalog says they joined in it (`city-hall-year/hired-on: 2026-04-01`). Asked with
 * the plugin's own credentials; a person the catalog does not know, or whose date
 * does not read as a date, is counted with everyone.
 */
export class NewStaffDirectory {
  constructor(
    private readonly deps: {
      catalog: CatalogService;
      auth: AuthService;
      logger: LoggerService;
    },
  ) {}

  async isNewStaff(userRef: string, fiscalYear: number): Promise<boolean> {
    let hiredOn: string | undefined;
    try {
      const user = await this.deps.catalog.getEntityByRef(userRef, {
        credentials: await this.deps.auth.getOwnServiceCredentials(),
      });
      hiredOn = user?.metadata.annotations?.[HIRED_ON_ANNOTATION];
    } catch (error) {
      // The answer is kept either way; only its audience is unknown.
      this.deps.logger.warn(
        `Could not read ${userRef} from the catalog to tell whether they are new staff: ${error}`,
      );
      return false;
    }
    if (!hiredOn) return false;
    try {
      return resolveFiscalYear(hiredOn.trim()) === fiscalYear;
    } catch {
      this.deps.logger.warn(
        `${userRef} has ${HIRED_ON_ANNOTATION}: '${hiredOn}', which is not a date (YYYY-MM-DD); counted with everyone`,
      );
      return false;
    }
  }
}
