import { zonedParts } from '../../../core/clock';
import { chineseDate } from '../../../core/dates';

/** A stored moment (ISO, UTC) in the user's zone: "2026年3月15日 10:32". */
export function chineseDateTime(timeZone: string, iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const { date, time } = zonedParts(timeZone, at);
  return `${chineseDate(date)} ${time}`;
}
