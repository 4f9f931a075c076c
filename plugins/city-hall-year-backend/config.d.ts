export interface Config {
  /** Configuration of the City Hall Year plugin. */
  cityHallYear?: {
    /**
     * Groups whose members may edit every entry and reassign owners (HR).
     * Full Group refs, e.g. `group:default/jinji-ka`. Default: none.
     */
    editorGroups?: string[];
    seed?: {
      /**
       * Load the starting content into an empty database on start-up.
       * Runs once per database, also when several replicas start together.
       * Default: true. Turn it off in production once content is managed there.
       */
      enabled?: boolean;
    };
  };
}
