// The data the builders take lives in core, so the in-app preview words it the same way.
export type * from '../../core/documents/types';
