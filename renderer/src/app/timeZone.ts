import { DEFAULT_TIME_ZONE } from '../../../core/clock';

let zone = DEFAULT_TIME_ZONE;

/**
 * The user's time-zone setting as the server last reported it (clock.get), China time until
 * then: stored instants are shown in it with core/dates' helpers, never in this computer's zone.
 */
export function appTimeZone(): string {
  return zone;
}

export function rememberTimeZone(timeZone: string): void {
  zone = timeZone;
}
