import { useClock } from '../app/useClock';

/** Today in the user's time zone (clock.get via the app's clock). */
export function useToday(): string {
  return useClock().today;
}
