import { useCallback, useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { Alert, Button, Card, Input, Radio, Space, Switch, Typography, type InputRef } from 'antd';
import { CheckCircleFilled, CloseCircleFilled, LoadingOutlined } from '@ant-design/icons';
import type { ExpectedAttendee, SheetChange } from '../../../core/contract/attendance';
import type { Meeting } from '../../../core/contract/meetings';
import { call, errorMessage } from '../api/client';
import { AttendeeTable } from './AttendeeTable';
import { entryKey, shortName, whoOf } from './attendanceCalls';
import { HistoryDrawer } from './HistoryDrawer';
import { HouseholdSignerModal } from './HouseholdSignerModal';
import { adultMembers, attendeeMatches, isPresent, matchingMember, rankMatches } from './match';
import { ObserversCard } from './ObserversCard';
import { QuorumBoard } from './QuorumPanel';
import { AttendanceTag } from './status';
import { StatusModal, type StatusMode } from './StatusModal';
import type { AttendanceSheet } from './types';

interface Props {
  meeting: Meeting;
  sheet: AttendanceSheet;
  readOnly: boolean;
  /** A call's changed line and new counts, to put into the sheet shown (the counts only when `counts` is not false). */
  onChange(change: SheetChange, counts?: boolean): void;
}

type Feedback = { kind: 'success' | 'error' | 'pending'; text: string } | null;
type Filter = 'all' | 'waiting' | 'present' | 'away';

const SHOWN_MATCHES = 6;

/** 签到: the door screen. Type a name, pinyin initials or household number, press Enter. */
export function SignInTab({ meeting, sheet, readOnly, onChange }: Props) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [feedback, setFeedback] = useState<Feedback>(null);
  const [filter, setFilter] = useState<Filter>('all');
  const [dialog, setDialog] = useState<{ entry: ExpectedAttendee; mode: StatusMode } | null>(null);
  const [history, setHistory] = useState<ExpectedAttendee | null>(null);
  const [chooser, setChooser] = useState<ExpectedAttendee | null>(null);
  const inputRef = useRef<InputRef>(null);
  // Several sign-ins may be on their way at once: each brings its own line; the counts shown are the newest.
  const sent = useRef(0);
  const applied = useRef(0);

  const closed = meeting.status === '已结束' || meeting.status === '已定稿';
  // 补录纸质签到表: tick who came from the paper sheet, during or after the meeting (before 定稿), with the time written there.
  const [paper, setPaper] = useState(false);
  const [paperTime, setPaperTime] = useState('');
  const paperAllowed = !readOnly && (meeting.status === '进行中' || meeting.status === '已结束');
  const paperOn = paper && paperAllowed;
  const paperTimeValid = paperTime.trim() === '' || /^([01]\d|2[0-3]):[0-5]\d$/.test(paperTime.trim());
  const households = sheet.expected.some((e) => e.householdId != null);
  const ranked = useMemo(() => (query.trim() ? rankMatches(sheet.expected, query) : []), [sheet.expected, query]);
  const activeIndex = Math.min(active, Math.max(ranked.length - 1, 0));

  const counts = useMemo(() => {
    const c = { waiting: 0, present: 0, late: 0, leave: 0, absent: 0, left: 0 };
    for (const e of sheet.expected) {
      const s = e.attendance?.status;
      if (!s) c.waiting++;
      else if (s === '出席') c.present++;
      else if (s === '迟到') c.late++;
      else if (s === '请假') c.leave++;
      else if (s === '缺席') c.absent++;
      else c.left++;
    }
    return c;
  }, [sheet.expected]);

  // The list follows the box at low priority: typing and Enter never wait for the table.
  const listQuery = useDeferredValue(query);
  const listExpected = useDeferredValue(sheet.expected);
  const rows = useMemo(
    () =>
      listExpected.filter((e) => {
        if (!attendeeMatches(e, listQuery)) return false;
        if (filter === 'waiting') return !e.attendance;
        if (filter === 'present') return isPresent(e);
        if (filter === 'away') return Boolean(e.attendance) && !isPresent(e);
        return true;
      }),
    [listExpected, listQuery, filter],
  );

  const focusBox = useCallback(() => requestAnimationFrame(() => inputRef.current?.focus()), []);

  async function signIn(entry: ExpectedAttendee, signer?: { personId: number; name: string }) {
    const ticket = ++sent.current;
    const label = shortName(entry, signer?.name);
    setFeedback({ kind: 'pending', text: `正在为${label}签到…` });
    try {
      const change = await call('attendance.signIn', {
        meetingId: meeting.id,
        ...whoOf(entry),
        ...(signer && entry.householdId != null ? { signedByPersonId: signer.personId } : {}),
        ...(paperOn ? { paper: true, ...(paperTime.trim() ? { time: paperTime.trim() } : {}) } : {}),
      });
      // An answer overtaken by a later one keeps that one's counts; its line goes in either way.
      const newest = ticket > applied.current;
      if (newest) applied.current = ticket;
      onChange(change, newest);
      const line = change.entry?.attendance;
      const late = line?.status === '迟到' ? '（迟到）' : '';
      setFeedback({ kind: 'success', text: `${label} 已签到 ${line?.arrivedAt ?? ''}${late}` });
    } catch (e) {
      setFeedback({ kind: 'error', text: errorMessage(e) });
    }
  }

  function signInChosen(entry: ExpectedAttendee | undefined) {
    if (!entry) {
      setFeedback({ kind: 'error', text: `没有找到“${query.trim()}”。请检查输入；如果此人不在应到名单中，可以在下方登记为列席。` });
      return;
    }
    if (entry.householdId != null) {
      const adults = adultMembers(entry);
      const member = matchingMember(entry, query) ?? (adults.length === 1 ? adults[0] : undefined);
      if (!member) {
        setChooser(entry);
        return;
      }
      setQuery('');
      setActive(0);
      void signIn(entry, member);
      return;
    }
    setQuery('');
    setActive(0);
    void signIn(entry);
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive(Math.min(activeIndex + 1, Math.min(ranked.length, SHOWN_MATCHES) - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive(Math.max(activeIndex - 1, 0));
    } else if (e.key === 'Escape') {
      setQuery('');
      setActive(0);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!query.trim()) return;
      signInChosen(ranked[activeIndex]);
    }
  }

  const canSignIn = !readOnly && (!closed || paperOn) && paperTimeValid;

  // Stable callbacks, so the memoised table is not redrawn on every key press.
  const signInRef = useRef(signIn);
  signInRef.current = signIn;
  const onRowSignIn = useCallback(
    (e: ExpectedAttendee) => {
      const adults = adultMembers(e);
      if (e.householdId != null && adults.length !== 1) setChooser(e);
      else void signInRef.current(e, adults[0]);
      focusBox();
    },
    [focusBox],
  );
  const onRowStatus = useCallback((entry: ExpectedAttendee, mode: StatusMode) => setDialog({ entry, mode }), []);
  const emptyText =
    sheet.expected.length === 0
      ? meeting.basis === 'body'
        ? '应到人员为空：请先在“机构与成员”中为参会机构添加成员'
        : '应到人员为空：请先在“人员名册”中录入人员（含出生日期和户号）'
      : '没有符合条件的人';

  return (
    <div className="signin">
      <div className="signin-top">
        <div className="signin-door">
          <label htmlFor="signin-box" className="signin-label">
            输入姓名、拼音首字母或户号
          </label>
          <Input
            id="signin-box"
            ref={inputRef}
            size="large"
            className="signin-input"
            autoFocus
            autoComplete="off"
            disabled={!canSignIn}
            value={query}
            placeholder={
              canSignIn
                ? paperOn
                  ? '照纸质签到表输入姓名，按回车勾选'
                  : '例如：张三、zs 或 A003，按回车签到'
                : closed
                  ? '会议已结束；如有纸质签到表，请打开“补录纸质签到表”'
                  : ''
            }
            onChange={(e) => {
              setQuery(e.target.value);
              setActive(0);
            }}
            onKeyDown={onKeyDown}
            aria-describedby="signin-hint"
            aria-controls="signin-matches"
            role="combobox"
            aria-expanded={ranked.length > 0}
          />
          <div id="signin-hint" className="signin-hint">
            {paperOn
              ? '补录纸质签到表：照纸上的签名逐一输入并回车；纸上写了到会时间的，先在右边填上时间（晚于开始时间的记为迟到），没写的留空。'
              : closed
                ? '会议已结束，不能再签到；有纸质签到表的请打开“补录纸质签到表”，如需更正，请在下表中修改该人员的状态。'
                : households
                  ? '按户签到：输入户号或家庭成员姓名，按回车为这一户签到（一户只算一次）。↑↓ 选择，Esc 清空。'
                  : '按回车为第一位匹配的人签到；↑↓ 选择其他人，Esc 清空。'}
          </div>
          {ranked.length > 0 && (
            <ul id="signin-matches" className="signin-matches" role="listbox" aria-label="匹配的人员">
              {ranked.slice(0, SHOWN_MATCHES).map((e, i) => (
                <li
                  key={entryKey(e)}
                  role="option"
                  aria-selected={i === activeIndex}
                  className={i === activeIndex ? 'active' : ''}
                  onMouseDown={(ev) => ev.preventDefault()}
                  onClick={() => signInChosen(e)}
                >
                  <span className="match-name">{e.householdId != null ? `${e.householdNo}户` : e.name}</span>
                  <span className="match-extra">
                    {e.householdId != null ? e.members.map((m) => m.name).join('、') : [e.householdNo, e.groupName, e.role].filter(Boolean).join(' · ')}
                  </span>
                  <AttendanceTag line={e.attendance} />
                  {i === activeIndex && <span className="match-enter">回车签到</span>}
                </li>
              ))}
              {ranked.length > SHOWN_MATCHES && <li className="match-more">还有 {ranked.length - SHOWN_MATCHES} 人匹配，请多输入几个字</li>}
            </ul>
          )}
          {feedback && (
            <div className={`signin-feedback signin-feedback-${feedback.kind}`} role={feedback.kind === 'error' ? 'alert' : 'status'}>
              {feedback.kind === 'success' ? <CheckCircleFilled /> : feedback.kind === 'error' ? <CloseCircleFilled /> : <LoadingOutlined />} {feedback.text}
            </div>
          )}
          {/* Beside the board rather than under it: the list below stays on a 768-pixel screen. */}
          {paperAllowed && (
            <Space className="signin-paper" wrap style={{ marginTop: 12 }}>
              <Switch
                checked={paperOn}
                onChange={(on) => {
                  setPaper(on);
                  focusBox();
                }}
                aria-label="补录纸质签到表"
              />
              <Typography.Text strong>补录纸质签到表</Typography.Text>
              {paperOn && (
                <>
                  <label htmlFor="paper-time">纸上写的到会时间（可不填）</label>
                  <Input
                    id="paper-time"
                    style={{ width: 120 }}
                    placeholder="例如 09:05"
                    value={paperTime}
                    status={paperTimeValid ? undefined : 'error'}
                    onChange={(e) => setPaperTime(e.target.value)}
                  />
                  {!paperTimeValid && <Typography.Text type="danger">时间请写成 09:05 这样</Typography.Text>}
                </>
              )}
            </Space>
          )}
        </div>
        <QuorumBoard quorum={sheet.quorum} />
      </div>

      <div className="toolbar" style={{ marginTop: 16 }}>
        <Radio.Group
          aria-label="按状态查看"
          optionType="button"
          value={filter}
          onChange={(e) => setFilter(e.target.value as Filter)}
          options={[
            { value: 'all', label: `全部 ${sheet.expected.length}` },
            { value: 'waiting', label: `未签到 ${counts.waiting}` },
            { value: 'present', label: `已到 ${counts.present + counts.late}` },
            { value: 'away', label: `请假/缺席/早退 ${counts.leave + counts.absent + counts.left}` },
          ]}
        />
        <Typography.Text type="secondary">
          出席 {counts.present} · 迟到 {counts.late} · 请假 {counts.leave} · 缺席 {counts.absent} · 早退 {counts.left}
        </Typography.Text>
        {query.trim() && (
          <Button size="small" onClick={() => setQuery('')}>
            显示全部（清除“{query.trim()}”）
          </Button>
        )}
      </div>
      <AttendeeTable
        rows={rows}
        households={households}
        readOnly={readOnly}
        closed={closed && !paperOn}
        emptyText={emptyText}
        onSignIn={onRowSignIn}
        onStatus={onRowStatus}
        onHistory={setHistory}
      />

      {sheet.nonVoting.length > 0 && (
        <Card className="signin-nonvoting" size="small" title={`预备党员（列席，无表决权，不计入应到）${sheet.nonVoting.length} 人`} style={{ marginTop: 16 }}>
          <Space wrap>
            {sheet.nonVoting.map((e) => (
              <Space key={e.personId ?? e.name} size={4}>
                <span>{e.name}</span>
                {e.attendance ? (
                  <Typography.Text type="secondary">已到 {e.attendance.arrivedAt ?? ''}</Typography.Text>
                ) : (
                  <Button size="small" disabled={!canSignIn} onClick={() => void signIn(e)} aria-label={`${e.name}签到（列席）`}>
                    签到（列席）
                  </Button>
                )}
              </Space>
            ))}
          </Space>
        </Card>
      )}

      <ObserversCard meetingId={meeting.id} observers={sheet.observers} readOnly={readOnly} onChange={onChange} />

      {dialog && (
        <StatusModal
          meetingId={meeting.id}
          entry={dialog.entry}
          mode={dialog.mode}
          onClose={() => setDialog(null)}
          onSaved={(change, status) => {
            setDialog(null);
            onChange(change);
            setFeedback({ kind: 'success', text: `${shortName(dialog.entry) || dialog.entry.name} 已登记为${status}` });
            focusBox();
          }}
        />
      )}
      {history && <HistoryDrawer meetingId={meeting.id} entry={history} onClose={() => setHistory(null)} />}
      {chooser && (
        <HouseholdSignerModal
          entry={chooser}
          onClose={() => {
            setChooser(null);
            focusBox();
          }}
          onChoose={(member) => {
            const entry = chooser;
            setChooser(null);
            setQuery('');
            setActive(0);
            void signIn(entry, member);
            focusBox();
          }}
        />
      )}
      {readOnly && <Alert type="info" showIcon title="会议已定稿，签到表只能查看。" style={{ marginTop: 16 }} />}
    </div>
  );
}
