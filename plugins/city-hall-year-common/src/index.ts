/**
 * The shared contract of the City Hall Year plugins: entry schema, permissions,
 * limits and the fiscal-year logic that both the frontend and the backend use.
 *
 * @packageDocumentation
 */
export * from './fiscalYear';
export * from './limits';
export * from './permissions';
export * from './schema';
export * from './timing';
export * from './api';
export * from './query';
export * from './labels';
export * from './timingNotation';
export * from './entryTable';
export * from './yearGeometry';
export * from './course';
export * from './dialogue';
export * from './clarity';
export * from './integrations';
export * from './entryChanges';
export * from './timingText';
export * from './proposals';
export * from './ideas';
export * from './progress';
export * from './participation';
export * from './nowAndNext';
