export interface Config {
  /** Configuration of the City Hall Year plugin. */
  cityHallYear?: {
    /**
     * Groups whose members may edit every entry and reassign owners (HR).
     * Full Group refs, e.g. `group:default/jinji-ka`. Default: none.
     */
    editorGroups?: string[];
    /**
     * The process-review office: Groups whose members give process-review ideas
     * (業務見直しの提案) a status and a public answer, are told of every idea, and see
     * who wrote an anonymous one. Full Group refs, e.g. `group:default/gyosei-kanri-ka`.
     * Default: none (ideas are then told to the owning department only).
     */
    reviewGroups?: string[];
    progress?: {
      /**
       * The audiences HR sees course progress (受講状況) counted for, beside the
       * departments: the members of a Group, or the Users with an annotation — with a
       * given `value`, or holding a date (YYYY-MM-DD) in the fiscal year counted
       * (`dateInFiscalYear`, e.g. this year's new hires by `city-hall-year/hired-on`).
       * Default: the staff whose `city-hall-year/hired-on` falls in the fiscal year.
       */
      audiences?: Array<{
        /** A short id, unique in the list, e.g. `new-hires`. */
        id: string;
        /** The name HR reads, in Japanese and optionally in English. */
        title: { ja: string; en?: string };
        /** A full Group ref, e.g. `group:default/shinnin-kakaricho`. */
        group?: string;
        /** A User annotation, e.g. `city-hall-year/hired-on`. */
        annotation?: string;
        /** The annotation's value that puts a person in the audience. */
        value?: string;
        /** The annotation holds a date, which must fall in the fiscal year counted. */
        dateInFiscalYear?: boolean;
      }>;
    };
    /**
     * How roles that take part in steps (参加者) are read from the catalog, for each
     * person's own year (あなたの一年): the members of a Group, or the Users with an
     * annotation of a given value. A role not named here matches nobody.
     */
    roles?: {
      /** Section heads (課長級). */
      managers?: { group?: string; annotation?: string; value?: string };
      /** Unit chiefs (係長級). */
      unitChiefs?: { group?: string; annotation?: string; value?: string };
    };
    /** This year's new hires, whose own year also shows their first year's milestones. */
    newHires?: {
      /**
       * The User annotation holding the day a person joined (YYYY-MM-DD).
       * Default: `city-hall-year/hired-on`.
       */
      annotation?: string;
      /**
       * The course that walks a new hire through the first year, by its permalink;
       * '' for none. Default: `shinki-saiyo-shiyakusho-no-ichinen`.
       */
      course?: string;
    };
    /** What the plugin reads of people from the catalog. */
    people?: {
      /**
       * How long a person's Groups and annotations are kept before the catalog is
       * asked again, in seconds (default 60; 0 asks every time).
       */
      cacheSeconds?: number;
    };
    seed?: {
      /**
       * Load the starting content into an empty database on start-up.
       * Runs once per database, also when several replicas start together.
       * Default: true. Turn it off in production once content is managed there.
       */
      enabled?: boolean;
      /**
       * Bring a database that holds the starting content up to the content shipped
       * with this release, once per versioned content update: entries and courses
       * nobody has changed since they were loaded take the shipped text (a revision
       * by the content update), new ones are added, and anything a person changed is
       * left alone and listed for HR (「掲載内容の確認状況」). A database that never
       * had the starting content is never touched. Default: true.
       */
      updates?: boolean;
    };
    dialogue?: {
      /**
       * Questions, answers and comments one person may post a minute; more are
       * answered 429. Default: 10.
       */
      postsPerMinute?: number;
    };
    reminders?: {
      /**
       * Send reminders through the notifications plugin (entries starting soon, the
       * yearly confirmation in April, entries whose owner left the catalog).
       * Default: true. Needs the notifications backend in the app.
       */
      enabled?: boolean;
      /**
       * Days before an entry starts that its owner group is reminded, unless the entry
       * sets its own `reminderDaysBefore`. Default: 14.
       */
      daysBefore?: number;
      /**
       * How often the reminder task runs, once across all replicas, as a cron
       * expression. Default: `'15 * * * *'` (every hour).
       */
      schedule?: string;
    };
  };
}
