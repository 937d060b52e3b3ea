import { createContext, useContext, useRef, useState, type Context, type CSSProperties } from 'react';
import { Button, Calendar, Form, Input, Popover, Space, Typography } from 'antd';
import { CalendarOutlined, CloseCircleFilled } from '@ant-design/icons';
import dayjs from 'dayjs';
import { dateProblem, dateUnderstood, readDate, readTime, timeProblem, timeUnderstood } from '../../../core/date-input';
import { useClock } from './useClock';

/**
 * The one date field of the app. People type a date the way they write it — 2026-11-05,
 * 2026/11/5, 2026.11.5, 20261105, 2026年11月5日 — or pick it from the calendar button; under the
 * field it says what it understood ("2026年11月5日 星期四") or, in Chinese, that it could not.
 *
 * Value in and out is the contract's 'YYYY-MM-DD' (null when blank). Text it cannot read is
 * passed on as typed — never dropped and never turned into another date — so a form refuses to
 * save it: Form.Item takes `rules={[dateRule()]}` (./dateRules), a plain state checks it with
 * `dateCheck`. It plugs into Form.Item like any antd input.
 */
export interface DateFieldProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
  /** A date finished (left the field, pressed Enter, picked or cleared): the ISO date or null; not called while the text is not understood. */
  onCommit?: (value: string | null) => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
  /** Keep the line under the field quiet (for narrow table cells); problems still show. */
  quiet?: boolean;
  /** Dates after this ISO date are refused in the hint (e.g. birth dates after today). */
  max?: string;
  /** Where the calendar opens (inside a Popconfirm: its own container, so a click there keeps it open). */
  getPopupContainer?: (trigger: HTMLElement) => HTMLElement;
}

// Form.Item shows a rule's message itself; the field then does not repeat it.
const noStatus = createContext<{ status?: string }>({});
const FormItemStatus: Context<{ status?: string }> = (Form.Item.useStatus as unknown as { Context?: Context<{ status?: string }> }).Context ?? noStatus;

/** What the field passes on for its text: the ISO date, null for blank, else the text as typed. */
function dateValue(text: string): string | null {
  const r = readDate(text);
  return r.kind === 'date' ? r.iso : r.kind === 'empty' ? null : text;
}

export function DateField({
  value,
  onChange,
  onBlur,
  onCommit: commitTo,
  id,
  placeholder = '如 2026-11-05',
  disabled,
  allowClear = true,
  style,
  quiet,
  max,
  getPopupContainer,
  ...rest
}: DateFieldProps) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value ?? null);
  const [open, setOpen] = useState(false);
  const { status } = useContext(FormItemStatus);
  const { today } = useClock();
  // Enter and the blur after it both commit: hand each value on once, so a save is not sent twice.
  const committed = useRef(value ?? null);
  const onCommit =
    commitTo &&
    ((v: string | null) => {
      if (v === committed.current) return;
      committed.current = v;
      commitTo(v);
    });
  // A value set from outside (form reset, a default filled in) replaces what is typed.
  if ((value ?? null) !== shown) {
    committed.current = value ?? null;
    setShown(value ?? null);
    if ((value ?? null) !== dateValue(text)) setText(value ?? '');
  }
  const change = (next: string, commit = false) => {
    setText(next);
    const v = dateValue(next);
    if (onChange) {
      setShown(v);
      onChange(v);
    }
    if (commit && readDate(next).kind !== 'invalid') onCommit?.(v);
  };
  const commitTyped = () => {
    if (reading.kind !== 'invalid') onCommit?.(reading.kind === 'date' ? reading.iso : null);
  };
  const reading = readDate(text);
  const tooLate = reading.kind === 'date' && max !== undefined && reading.iso > max;
  const hint =
    reading.kind === 'date' ? (
      tooLate ? (
        <Typography.Text type="danger">{`${dateUnderstood(reading.iso)}，不能晚于 ${dateUnderstood(max!)}`}</Typography.Text>
      ) : quiet ? null : (
        <Typography.Text type="secondary">{dateUnderstood(reading.iso)}</Typography.Text>
      )
    ) : reading.kind === 'invalid' && status !== 'error' ? (
      <Typography.Text type="danger">{dateProblem(reading.text)}</Typography.Text>
    ) : null;
  // The calendar opens on the date typed, else on today in the user's zone.
  const picked = dayjs(reading.kind === 'date' ? reading.iso : today);
  return (
    <span className="date-field" style={{ display: 'inline-flex', flexDirection: 'column', verticalAlign: 'top', width: style?.width ?? 200, ...style }}>
      <Input
        id={id}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        allowClear={allowClear && { clearIcon: <CloseCircleFilled aria-label="清空日期" /> }}
        aria-label={rest['aria-label']}
        aria-invalid={reading.kind === 'invalid' || tooLate}
        status={reading.kind === 'invalid' || tooLate ? 'error' : undefined}
        inputMode="text"
        autoComplete="off"
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          // Show what was understood in the stored form, so the field teaches it.
          if (reading.kind === 'date' && text !== reading.iso) setText(reading.iso);
          commitTyped();
          onBlur?.();
        }}
        onPressEnter={commitTyped}
        onClear={() => onCommit?.(null)}
        suffix={
          <Popover
            open={open && !disabled}
            onOpenChange={setOpen}
            trigger="click"
            placement="bottomLeft"
            getPopupContainer={getPopupContainer}
            content={
              <div style={{ width: 280 }}>
                <Calendar
                  fullscreen={false}
                  value={picked}
                  onSelect={(d, info) => {
                    if (info.source !== 'date') return;
                    change(d.format('YYYY-MM-DD'), true);
                    setOpen(false);
                  }}
                />
              </div>
            }
          >
            <Button
              type="text"
              size="small"
              icon={<CalendarOutlined />}
              disabled={disabled}
              aria-label="从日历中选"
              tabIndex={-1}
              style={{ marginRight: -6 }}
            />
          </Popover>
        }
      />
      {hint && (
        <span className="date-field-hint" aria-live="polite" style={{ fontSize: 13, lineHeight: '20px', whiteSpace: 'nowrap' }}>
          {hint}
        </span>
      )}
    </span>
  );
}

export interface TimeFieldProps {
  value?: string | null;
  onChange?: (value: string | null) => void;
  onBlur?: () => void;
  id?: string;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  style?: CSSProperties;
  'aria-label'?: string;
}

function timeValue(text: string): string | null {
  const r = readTime(text);
  return r.kind === 'time' ? r.hhmm : r.kind === 'empty' ? null : text;
}

/**
 * The one time-of-day field: 09:30, 9:30, 930, 9点半, 下午3点 …; value in and out 'HH:mm'
 * (null when blank); text it cannot read is passed on as typed (see DateField).
 */
export function TimeField({ value, onChange, onBlur, id, placeholder = '如 09:30', disabled, allowClear = true, style, ...rest }: TimeFieldProps) {
  const [text, setText] = useState(value ?? '');
  const [shown, setShown] = useState(value ?? null);
  const { status } = useContext(FormItemStatus);
  if ((value ?? null) !== shown) {
    setShown(value ?? null);
    if ((value ?? null) !== timeValue(text)) setText(value ?? '');
  }
  const reading = readTime(text);
  const hint =
    reading.kind === 'time' && text.trim() !== reading.hhmm ? (
      <Typography.Text type="secondary">{timeUnderstood(reading.hhmm)}</Typography.Text>
    ) : reading.kind === 'invalid' && status !== 'error' ? (
      <Typography.Text type="danger">{timeProblem(reading.text)}</Typography.Text>
    ) : null;
  return (
    <span className="time-field" style={{ display: 'inline-flex', flexDirection: 'column', verticalAlign: 'top', width: style?.width ?? 120, ...style }}>
      <Input
        id={id}
        value={text}
        placeholder={placeholder}
        disabled={disabled}
        allowClear={allowClear && { clearIcon: <CloseCircleFilled aria-label="清空时间" /> }}
        aria-label={rest['aria-label']}
        aria-invalid={reading.kind === 'invalid'}
        status={reading.kind === 'invalid' ? 'error' : undefined}
        autoComplete="off"
        onChange={(e) => {
          setText(e.target.value);
          const v = timeValue(e.target.value);
          setShown(v);
          onChange?.(v);
        }}
        onBlur={() => {
          if (reading.kind === 'time' && text !== reading.hhmm) setText(reading.hhmm);
          onBlur?.();
        }}
      />
      {hint && (
        <span className="time-field-hint" aria-live="polite" style={{ fontSize: 13, lineHeight: '20px', whiteSpace: 'nowrap' }}>
          {hint}
        </span>
      )}
    </span>
  );
}

export interface DateTimeFieldProps {
  /** An instant (ISO with offset); shown and typed in the user's time zone. */
  value?: string | null;
  onChange?: (value: string | null) => void;
  id?: string;
  disabled?: boolean;
  'aria-label'?: string;
}

/** Separates the typed date and time of a DateTimeField value that is not (yet) an instant. */
export const DATE_TIME_SEPARATOR = ' | ';

/**
 * A date and a time of day in the user's zone, as one instant ("2026-11-05T09:30:00+08:00").
 * Until both parts are understood the value is the two texts as typed (see `dateTimeRule`).
 */
export function DateTimeField({ value, onChange, id, disabled, ...rest }: DateTimeFieldProps) {
  const clock = useClock();
  const split = (v: string | null | undefined): [string | null, string | null] => {
    if (!v) return [null, null];
    if (v.includes(DATE_TIME_SEPARATOR)) {
      const [d, t] = v.split(DATE_TIME_SEPARATOR);
      return [d || null, t || null];
    }
    const [d, t] = clock.show(v).split(' ');
    return [d ?? null, t ?? null];
  };
  const join = (d: string | null, t: string | null): string | null => {
    if (d === null && t === null) return null;
    if (d !== null && t !== null && readDate(d).kind === 'date' && readTime(t).kind === 'time') return clock.instantOf(d, t);
    return `${d ?? ''}${DATE_TIME_SEPARATOR}${t ?? ''}`;
  };
  const [parts, setParts] = useState(() => split(value));
  const [shown, setShown] = useState(value ?? null);
  if ((value ?? null) !== shown) {
    setShown(value ?? null);
    if ((value ?? null) !== join(...parts)) setParts(split(value));
  }
  const change = (d: string | null, t: string | null) => {
    setParts([d, t]);
    const v = join(d, t);
    setShown(v);
    onChange?.(v);
  };
  const label = rest['aria-label'] ?? '';
  return (
    // Each part says itself what it could not read; the Form.Item asks for both parts.
    <FormItemStatus.Provider value={{}}>
      <Space align="start" size={8} id={id}>
        <DateField
          value={parts[0]}
          onChange={(d) => change(d, parts[1])}
          disabled={disabled}
          aria-label={`${label}日期`}
          allowClear={false}
          style={{ width: 200 }}
        />
        <TimeField value={parts[1]} onChange={(t) => change(parts[0], t)} disabled={disabled} aria-label={`${label}时刻`} allowClear={false} />
      </Space>
    </FormItemStatus.Provider>
  );
}
