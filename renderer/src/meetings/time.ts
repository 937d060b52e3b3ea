import dayjs, { type Dayjs } from 'dayjs';
import { localDateTime as zonedDateTime } from '../../../core/dates';
import { appTimeZone } from '../app/timeZone';

export const TIME_FORMAT = 'HH:mm';
export const DATE_FORMAT = 'YYYY-MM-DD';

export function nowClock(): string {
  return dayjs().format(TIME_FORMAT);
}

export function toTime(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(TIME_FORMAT) : undefined;
}

export function toDate(value: Dayjs | null | undefined): string | undefined {
  return value ? value.format(DATE_FORMAT) : undefined;
}

export function fromTime(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(`2000-01-01T${value}`) : null;
}

export function fromDate(value: string | null | undefined): Dayjs | null {
  return value ? dayjs(value) : null;
}

/** "09:12:03" for the autosave line. */
export function clockWithSeconds(date: Date = new Date()): string {
  return dayjs(date).format('HH:mm:ss');
}

/** An ISO timestamp from the server as "2026-03-01 09:12" in the user's time zone. */
export function localDateTime(iso: string): string {
  return Number.isNaN(Date.parse(iso)) ? iso : zonedDateTime(appTimeZone(), iso);
}
