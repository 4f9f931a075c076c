import type { GuideLanguage } from '@city-hall-year/backstage-plugin-city-hall-year-common';
import { useCallback, useEffect, useState } from 'react';
import { useGuideLanguage } from './useGuideLanguage';

const STORAGE_KEY = 'cityHallYear.contentLanguage';
const CHANGED = 'city-hall-year-content-language';

function stored(): GuideLanguage | undefined {
  try {
    const value = window.localStorage.getItem(STORAGE_KEY);
    return value === 'ja' || value === 'en' ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The language entries' texts are read in: the app's language unless the person chose
 * the other one for the guide's content (remembered in this browser), so that a
 * Japanese reader of the English texts, or the reverse, is not sent back each visit.
 */
export function useContentLanguage(): {
  language: GuideLanguage;
  /** Whether the person chose it, rather than following the app's language. */
  chosen: boolean;
  choose: (language: GuideLanguage | undefined) => void;
} {
  const appLanguage = useGuideLanguage();
  const [choice, setChoice] = useState(stored);
  useEffect(() => {
    const follow = () => setChoice(stored());
    window.addEventListener(CHANGED, follow);
    window.addEventListener('storage', follow);
    return () => {
      window.removeEventListener(CHANGED, follow);
      window.removeEventListener('storage', follow);
    };
  }, []);
  const choose = useCallback((language: GuideLanguage | undefined) => {
    try {
      if (language) window.localStorage.setItem(STORAGE_KEY, language);
      else window.localStorage.removeItem(STORAGE_KEY);
    } catch {
      // A browser that keeps nothing still switches for this page.
    }
    setChoice(language);
    window.dispatchEvent(new Event(CHANGED));
  }, []);
  return { language: choice ?? appLanguage, chosen: Boolean(choice), choose };
}
