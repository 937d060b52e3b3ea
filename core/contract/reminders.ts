import { z } from 'zod';
import { reminderCategories, reminderTargets } from '../reminders';
import { id } from './common';
import { defineRead, defineWrite } from './define';

export const reminderSchema = z.object({
  key: z.string(),
  category: z.enum(reminderCategories),
  title: z.string(),
  detail: z.string().nullable(),
  dueOn: z.string(),
  dueAt: z.string().nullable(),
  overdue: z.boolean(),
  daysLate: z.number(),
  hoursLeft: z.number().nullable(),
  hoursLate: z.number().nullable(),
  link: z.object({ page: z.enum(reminderTargets), id: z.number().nullable() }),
});

const desktopSchema = z.object({ desktopNotifications: z.boolean() });

export const reminderCalls = {
  'reminders.today': defineRead({
    summary: '查看今日提醒',
    input: z.object({ orgId: id('议事主体') }).strict(),
    output: z.object({
      /** The user's local date and zone the list was judged by, and the instant. */
      today: z.string(),
      timeZone: z.string(),
      now: z.string(),
      /** Due today or late, late first: 报到, 承诺办结, 公示期满, 督办, 备案, 热线答复. */
      items: z.array(reminderSchema),
      /** Whether the desktop app shows them as a notification at start and every morning. */
      desktopNotifications: z.boolean(),
    }),
  }),
  'reminders.setDesktop': defineWrite({
    summary: '设置桌面提醒',
    input: z.object({ desktopNotifications: z.boolean({ error: '请选择是否显示桌面提醒' }) }).strict(),
    output: desktopSchema,
  }),
};
