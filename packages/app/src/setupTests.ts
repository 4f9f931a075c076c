import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A whole app renders in some tests (the new frontend system's renderTestApp); on a
// loaded two-core machine that takes longer than Testing Library's default 1 s wait.
configure({ asyncUtilTimeout: 15_000 });
