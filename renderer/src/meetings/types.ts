import type { CallOutput } from '../../../core/contract/index';
import type { Meeting } from '../../../core/contract/meetings';

export type MeetingStatus = Meeting['status'];
export type AttendanceSheet = CallOutput<'attendance.sheet'>;
export type Observer = AttendanceSheet['observers'][number];
