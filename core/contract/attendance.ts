import { z } from 'zod';
import { id, line, paragraph, requiredName } from './common';
import { defineRead, defineWrite } from './define';
import { quorumSchema, timeOfDay } from './meetings';

export const attendanceStatuses = ['出席', '迟到', '请假', '缺席', '早退'] as const;
export const attendanceStatusSchema = z.enum(attendanceStatuses, { error: '签到状态只能是出席、迟到、请假、缺席或早退' });

/** One expected attendee (a person, or a household in household mode) and their sign-in line. */
export const expectedAttendeeSchema = z.object({
  personId: z.number().nullable(),
  householdId: z.number().nullable(),
  name: z.string(),
  /** Household mode: the household's members, any of whom may sign for it. */
  members: z.array(z.object({ personId: z.number(), name: z.string(), /** Under 18 on the meeting's date: never a 户代表. */ minor: z.boolean() })),
  householdNo: z.string().nullable(),
  groupName: z.string().nullable(),
  role: z.string().nullable(),
  pinyinKeys: z.string(),
  attendance: z
    .object({
      id: z.number(),
      status: attendanceStatusSchema,
      arrivedAt: z.string().nullable(),
      leftAt: z.string().nullable(),
      reason: z.string().nullable(),
      signedByName: z.string(),
      changes: z.number(),
    })
    .nullable(),
});
export type ExpectedAttendee = z.infer<typeof expectedAttendeeSchema>;

export const observerSchema = z.object({
  id: z.number(),
  name: z.string(),
  unit: z.string().nullable(),
  department: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  status: attendanceStatusSchema,
});

/** One sign-in line as it stood before or after a change (签到更正记录). */
export const attendanceLineStateSchema = z.object({
  name: z.string(),
  status: attendanceStatusSchema,
  arrivedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type AttendanceLineState = z.infer<typeof attendanceLineStateSchema>;

export const attendanceChangeSchema = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  before: attendanceLineStateSchema.nullable(),
  after: attendanceLineStateSchema,
  note: z.string().nullable(),
});

const sheetOutput = z.object({
  expected: z.array(expectedAttendeeSchema),
  /** Members who attend without a vote (预备党员): not in 应到, never voters; their sign-in is a 列席 line. */
  nonVoting: z.array(expectedAttendeeSchema),
  observers: z.array(observerSchema),
  quorum: quorumSchema,
});

export type AttendanceSheet = z.infer<typeof sheetOutput>;

/**
 * What a door sign-in, a 更正 or a new 列席 line changed on the sheet, and nothing more: the
 * screen puts it into the sheet it already has (applySheetChange) instead of reading the whole
 * sheet again. `quorum` is the sheet's own quorum after the change.
 */
const sheetChangeOutput = z.object({
  /** The expected attendee whose line changed, exactly as attendance.sheet now lists them; null when only a 列席 line was added. */
  entry: expectedAttendeeSchema.nullable(),
  /** Where `entry` is listed: `expected`, or `nonVoting` (a member without a vote, 预备党员). */
  list: z.enum(['expected', 'nonVoting']),
  /** A 列席 line this call added (an observer, or a member without a vote signing in): last in the sheet's `observers`. */
  observer: observerSchema.nullable(),
  quorum: quorumSchema,
});
export type SheetChange = z.infer<typeof sheetChangeOutput>;

export const attendanceCalls = {
  'attendance.sheet': defineRead({
    summary: '查看签到情况',
    input: z.object({ meetingId: id('会议') }).strict(),
    output: sheetOutput,
  }),
  'attendance.signIn': defineWrite({
    summary: '签到',
    input: z
      .object({
        meetingId: id('会议'),
        personId: id('人员').optional(),
        householdId: id('户').optional(),
        /** Household mode: who signed for the household. */
        signedByPersonId: id('签到人').optional(),
        time: timeOfDay('签到时间').optional(),
        late: z.boolean().default(false),
        /** 补录纸质签到表: entered from the paper sheet, also after the meeting has ended (before 定稿); the time only where written. */
        paper: z.boolean().optional(),
      })
      .strict()
      .refine((v) => (v.personId === undefined) !== (v.householdId === undefined), { error: '请选择签到的人或户' }),
    output: sheetChangeOutput,
  }),
  'attendance.setStatus': defineWrite({
    summary: '修改签到状态',
    input: z
      .object({
        meetingId: id('会议'),
        personId: id('人员').optional(),
        householdId: id('户').optional(),
        status: attendanceStatusSchema,
        time: timeOfDay('时间').optional(),
        reason: paragraph('原因', 200).optional(),
        note: line('更正说明', 200).optional(),
      })
      .strict()
      .refine((v) => (v.personId === undefined) !== (v.householdId === undefined), { error: '请选择要修改的人或户' }),
    output: sheetChangeOutput,
  }),
  'attendance.addObserver': defineWrite({
    summary: '登记列席人员',
    input: z
      .object({
        meetingId: id('会议'),
        name: requiredName('列席人姓名', 30),
        unit: line('单位', 60).optional(),
        department: line('报到部门', 60).optional(),
        personId: id('人员').optional(),
        time: timeOfDay('到会时间').optional(),
      })
      .strict(),
    output: sheetChangeOutput,
  }),
  'attendance.history': defineRead({
    summary: '查看签到更正记录',
    input: z.object({ meetingId: id('会议'), personId: id('人员').optional(), householdId: id('户').optional() }).strict(),
    output: z.object({ items: z.array(attendanceChangeSchema) }),
  }),
};
