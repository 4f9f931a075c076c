import { useApi } from '@backstage/core-plugin-api';
import { coreApis } from '@backstage/frontend-plugin-api';
import { useEffect, useRef } from 'react';
import useCopyToClipboard from 'react-use/esm/useCopyToClipboard';
import { TRANSIENT_TOAST_MS } from '../toasts';

/**
 * Copies text to the clipboard (react-use's `useCopyToClipboard`) and says so in a
 * toast, or says why the browser refused.
 *
 * @param copied - the toast's text once the text is on the clipboard
 * @returns the function that copies a text
 */
export function useCopyToClipboardWithToast(
  copied: string,
): (text: string) => void {
  const toastApi = useApi(coreApis.toast);
  const [state, copy] = useCopyToClipboard();
  // Each copy gives a new state object; a re-render for another reason must not toast again.
  const reported = useRef(state);
  useEffect(() => {
    if (state === reported.current) return;
    reported.current = state;
    if (state.error) {
      toastApi.post({ title: state.error.message, status: 'danger' });
    } else if (state.value !== undefined) {
      toastApi.post({
        title: copied,
        status: 'success',
        timeout: TRANSIENT_TOAST_MS,
      });
    }
  }, [state, toastApi, copied]);
  return copy;
}
