/** "09:12:03" in the user's zone, for the autosave line. */
export function clockWithSeconds(timeZone: string, date: Date = new Date()): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' }).format(date);
}
