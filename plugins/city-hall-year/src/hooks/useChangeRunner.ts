import { useApi } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import { TRANSIENT_TOAST_MS } from '../toasts';

/**
 * Runs a change against the backend the way every page of the plugin does: on a
 * failure it shows why and rejects (a form keeps its text for another try); on
 * success it says `done` in a toast, when given, and calls `onDone` (to read again).
 *
 * @param onDone - called after every change that succeeded
 * @returns the function that runs one change
 */
export function useChangeRunner(onDone: () => void) {
  const toastApi = useApi(coreApis.toast);
  const errorApi = useApi(coreApis.error);
  return async (change: () => Promise<unknown>, done?: string) => {
    try {
      await change();
    } catch (error) {
      errorApi.post(error as Error);
      throw error;
    }
    if (done) {
      toastApi.post({
        title: done,
        status: 'success',
        timeout: TRANSIENT_TOAST_MS,
      });
    }
    onDone();
  };
}
