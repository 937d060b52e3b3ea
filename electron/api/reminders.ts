import { setDesktopReminders, todaysReminders } from '../../db/reminders';
import type { HandlerGroup } from './context';

export const reminderHandlers: HandlerGroup<'reminders.today' | 'reminders.setDesktop'> = {
  'reminders.today': (ctx, input) => todaysReminders(ctx.db, input.orgId, ctx.clock),
  'reminders.setDesktop': (ctx, input) => setDesktopReminders(ctx.tx, input.desktopNotifications),
};
