/**
 * Styles shared by the plugin's components, for what MUI's defaults make hard to read.
 */

/** Helper text of a disabled field in the secondary text colour, not the disabled grey (2.7:1). */
export const READABLE_WHEN_DISABLED = {
  '&.Mui-disabled': { color: 'text.secondary' },
} as const;
