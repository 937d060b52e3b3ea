import { chineseDate, localIsoDate } from '../../../core/dates';

/** A stored moment (ISO, UTC) in the user's own time: "2026年3月15日 10:32". */
export function chineseDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  return `${chineseDate(localIsoDate(at))} ${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
}
