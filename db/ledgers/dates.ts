import { daysInMonth } from '../../core/contract/common';

export { addDays } from '../../core/dates';

/** Days in the month of an ISO date. */
export function daysInMonthOf(iso: string): number {
  return daysInMonth(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)));
}
