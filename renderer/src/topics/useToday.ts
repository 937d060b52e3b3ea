import dayjs from 'dayjs';
import { useCall } from '../api/queries';

/** Today in the app's time zone (clock.get), falling back to this computer's date. */
export function useToday(): string {
  return useCall('clock.get', {}).data?.today ?? dayjs().format('YYYY-MM-DD');
}
