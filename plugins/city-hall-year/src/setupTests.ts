import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';

// A whole app renders in some tests (the new frontend system's renderTestApp); on a
// loaded two-core machine that takes longer than Testing Library's default 1 s wait
// and Jest's default 5 s per test. These limits only stop a test that hangs; no test
// measures time.
configure({ asyncUtilTimeout: 15_000 });
jest.setTimeout(60_000);
