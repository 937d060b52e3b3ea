import type { Rule } from 'antd/es/form';
import { dateProblem, isHhmm, isIsoDate, timeProblem } from '../../../core/date-input';

/**
 * Checks for the values of DateField / TimeField / DateTimeField: text the field could not read
 * reaches the form as typed, and these refuse it with the field's own Chinese message, so a
 * date that was not understood is never saved (nor silently left out).
 */

/** Null when `value` is fine; else what to tell the user. `required` is the message for blank. */
export function dateCheck(value: string | null | undefined, required?: string): string | null {
  if (value === null || value === undefined || value === '') return required ?? null;
  return isIsoDate(value) ? null : dateProblem(value);
}

export function timeCheck(value: string | null | undefined, required?: string): string | null {
  if (value === null || value === undefined || value === '') return required ?? null;
  return isHhmm(value) ? null : timeProblem(value);
}

/** An instant with its offset, as DateTimeField gives once both parts are understood. */
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

export function dateTimeCheck(value: string | null | undefined, required?: string): string | null {
  if (value === null || value === undefined || value === '') return required ?? null;
  return INSTANT.test(value) && !Number.isNaN(Date.parse(value)) ? null : '请填写完整的日期和时间，如 2026-11-05 和 09:30';
}

const asRule =
  (check: (value: string | null | undefined, required?: string) => string | null) =>
  (required?: string): Rule => ({
    required: required !== undefined,
    validator: async (_rule, value: string | null | undefined) => {
      const problem = check(value, required);
      if (problem) throw new Error(problem);
    },
  });

/** Form.Item rule for a DateField: `rules={[dateRule('请填写会议日期')]}` (no argument: may be blank). */
export const dateRule = asRule(dateCheck);
/** Form.Item rule for a TimeField. */
export const timeRule = asRule(timeCheck);
/** Form.Item rule for a DateTimeField. */
export const dateTimeRule = asRule(dateTimeCheck);
