// The sentences of the minutes come from core/documents, the same code the Word file uses, so
// the preview reads exactly as the printed .docx.
import type { CallOutput } from '../../../core/contract/index';

export type MinutesPreview = CallOutput<'minutes.preview'>;
export type MinutesItem = MinutesPreview['items'][number];
export type MinutesVote = MinutesItem['votes'][number];

export * from '../../../core/documents/minutes-wording';
export { clock, fillIn, lines, percent, sentence, weekday } from '../../../core/documents/text';
