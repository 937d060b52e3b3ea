import { memo, useEffect, useState } from 'react';
import type { ExpectedAttendee } from '../../../core/contract/attendance';
import { entryKey } from './attendanceCalls';
import { isPresent } from './match';
import { attendanceText } from './status';
import type { StatusMode } from './StatusModal';

interface Props {
  rows: ExpectedAttendee[];
  households: boolean;
  readOnly: boolean;
  /** The meeting has ended: no more sign-ins, corrections only. */
  closed: boolean;
  emptyText: string;
  onSignIn(entry: ExpectedAttendee): void;
  onStatus(entry: ExpectedAttendee, mode: StatusMode): void;
  onHistory(entry: ExpectedAttendee): void;
}

const PAGE = 60;

const statusClass: Record<string, string> = { 出席: 'ok', 迟到: 'late', 请假: 'leave', 缺席: 'absent', 早退: 'left' };

/**
 * The expected list with each line's status and actions. Plain HTML on purpose: this table is
 * redrawn after every sign-in at the door, and on an old office PC a few hundred rich widgets
 * would make each Enter wait. Memoised, so typing in the box does not redraw it.
 */
export const AttendeeTable = memo(function AttendeeTable({ rows, households, readOnly, closed, emptyText, onSignIn, onStatus, onHistory }: Props) {
  const [shown, setShown] = useState(PAGE);
  useEffect(() => setShown(PAGE), [rows.length]);
  const visible = rows.slice(0, shown);

  return (
    <div className="attendee-table-wrap">
      <table className="attendee-table" aria-label="应到人员">
        <thead>
          <tr>
            <th scope="col">{households ? '户' : '姓名'}</th>
            <th scope="col">户号/小组</th>
            <th scope="col">职务</th>
            <th scope="col">状态</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {visible.length === 0 && (
            <tr>
              <td colSpan={5} className="attendee-empty">
                {emptyText}
              </td>
            </tr>
          )}
          {visible.map((e) => {
            const label = e.householdId != null ? `${e.householdNo}户` : e.name;
            const present = isPresent(e);
            const line = e.attendance;
            return (
              <tr key={entryKey(e)}>
                <td>
                  {e.householdId != null ? (
                    <>
                      <div className="attendee-name">{e.householdNo}户</div>
                      <div className="attendee-sub">{e.members.map((m) => m.name).join('、')}</div>
                    </>
                  ) : (
                    <span className="attendee-name">{e.name}</span>
                  )}
                </td>
                <td>{[e.householdNo, e.groupName].filter(Boolean).join(' / ') || '—'}</td>
                <td>{e.role ?? '—'}</td>
                <td>
                  <span className={`att-status att-status-${line ? statusClass[line.status] : 'none'}`}>{attendanceText(line)}</span>
                  {e.householdId != null && line && present && (
                    <span className="attendee-sub"> {line.signedByName ? `${line.signedByName}签到` : '未写明户代表'}</span>
                  )}
                  {line && line.changes > 0 && <span className="attendee-sub"> 更正 {line.changes} 次</span>}
                </td>
                <td className="attendee-actions">
                  {!readOnly && !present && !closed && (
                    <button type="button" className="att-btn att-btn-primary" onClick={() => onSignIn(e)} aria-label={`签到：${label}`}>
                      签到
                    </button>
                  )}
                  {!readOnly && !present && line?.status !== '请假' && (
                    <button type="button" className="att-btn" onClick={() => onStatus(e, '请假')} aria-label={`请假：${label}`}>
                      请假
                    </button>
                  )}
                  {!readOnly && !present && line?.status !== '缺席' && (
                    <button type="button" className="att-btn" onClick={() => onStatus(e, '缺席')} aria-label={`缺席：${label}`}>
                      缺席
                    </button>
                  )}
                  {!readOnly && present && (
                    <button type="button" className="att-btn" onClick={() => onStatus(e, '早退')} aria-label={`早退：${label}`}>
                      早退
                    </button>
                  )}
                  {!readOnly && line && (
                    <button type="button" className="att-btn" onClick={() => onStatus(e, '更正')} aria-label={`更正：${label}`}>
                      更正
                    </button>
                  )}
                  {line && (
                    <button type="button" className="att-btn att-btn-link" onClick={() => onHistory(e)} aria-label={`查看更正记录：${label}`}>
                      更正记录
                    </button>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="attendee-footer">
        共 {rows.length} {households ? '户' : '人'}
        {rows.length > shown && (
          <button type="button" className="att-btn" onClick={() => setShown((n) => n + PAGE)}>
            再显示 {Math.min(PAGE, rows.length - shown)} {households ? '户' : '人'}（还有 {rows.length - shown}）
          </button>
        )}
      </div>
    </div>
  );
});
