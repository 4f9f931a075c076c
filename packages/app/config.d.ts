export interface Config {
  app?: {
    /** Development sign-in: the example users offered on the sign-in page. */
    demoSignIn?: {
      /**
       * @visibility frontend
       */
      users?: Array<{
        /** User entity name in the catalog, e.g. `yamada.taro`. @visibility frontend */
        name: string;
        /** What the person sees, e.g. `財政課 山田 太郎`. @visibility frontend */
        label: string;
        /** Why one would pick this user. @visibility frontend */
        description?: string;
      }>;
    };
  };
}
