/**
 * How long a confirmation toast ("saved", "copied") stays on screen, as transient
 * alerts did. Toasts about a problem have no timeout: they stay until closed.
 */
export const TRANSIENT_TOAST_MS = 5000;
