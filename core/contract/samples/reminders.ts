import type { Samples } from './types';

export const reminderSamples = {
  'reminders.setDesktop': {
    input: () => ({ desktopNotifications: false }),
    audits: ['settings.desktopReminders'],
  },
} satisfies Samples<'reminders.setDesktop'>;
