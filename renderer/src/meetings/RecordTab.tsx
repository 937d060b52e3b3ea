import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Button, Empty, Spin, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Meeting } from '../../../core/contract/meetings';
import type { Speech } from '../../../core/contract/speeches';
import { call, errorMessage } from '../api/client';
import { useCall, useSetCall } from '../api/queries';
import { SpeakerPicker, type SpeakerPickerRef } from './SpeakerPicker';
import { SpeechEditor } from './SpeechEditor';
import { speakersOf } from './speakers';
import type { AttendanceSheet } from './types';

interface Props {
  meeting: Meeting;
  agenda: AgendaItem[];
  sheet: AttendanceSheet | null;
  readOnly: boolean;
  currentItemId: number | null;
  onCurrentItem(id: number): void;
}

/** 记录: per agenda item, who spoke and their main points, in order. Keyboard first. */
export function RecordTab({ meeting, agenda, sheet, readOnly, currentItemId, onCurrentItem }: Props) {
  const { message } = App.useApp();
  const [adding, setAdding] = useState(false);
  const [fresh, setFresh] = useState<number | null>(null);
  const picker = useRef<SpeakerPickerRef>(null);
  const speakers = useMemo(() => speakersOf(sheet), [sheet]);
  const item = agenda.find((i) => i.id === currentItemId) ?? agenda[0];

  const { data, error, reload: load } = useCall('speeches.list', { meetingId: meeting.id });
  const speeches: Speech[] | null = data?.items ?? null;
  const put = useSetCall();
  const setSpeeches = (update: (list: Speech[] | null) => Speech[]) =>
    put('speeches.list', { meetingId: meeting.id }, (old) => ({ ...old, items: update(old?.items ?? null) }));

  // A new entry takes the focus once; coming back to the item later does not steal it.
  useEffect(() => setFresh(null), [currentItemId]);

  const focusPicker = useCallback(() => requestAnimationFrame(() => picker.current?.focus()), []);

  // Alt+N anywhere on this tab: the next speaker.
  useEffect(() => {
    if (readOnly) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && e.code === 'KeyN') {
        e.preventDefault();
        focusPicker();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [readOnly, focusPicker]);

  async function add(speaker: { name: string; personId: number | null }) {
    if (!item || !speaker.name.trim()) return;
    setAdding(true);
    try {
      const created = await call('speeches.add', { agendaItemId: item.id, speakerName: speaker.name.trim(), speakerPersonId: speaker.personId });
      setSpeeches((list) => [...(list ?? []), created]);
      setFresh(created.id);
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setAdding(false);
    }
  }

  if (agenda.length === 0) {
    return <Empty description="还没有议程。请先在“议程”中添加议题，再按议题记录发言。" />;
  }

  const counts = new Map<number, number>();
  for (const s of speeches ?? []) counts.set(s.agendaItemId, (counts.get(s.agendaItemId) ?? 0) + 1);
  const mine = (speeches ?? []).filter((s) => s.agendaItemId === item?.id).sort((a, b) => a.position - b.position);

  return (
    <div className="record">
      <nav className="record-items" aria-label="议题">
        {agenda.map((it, i) => (
          <button
            key={it.id}
            type="button"
            className={`record-item${it.id === item?.id ? ' current' : ''}`}
            aria-current={it.id === item?.id ? 'true' : undefined}
            onClick={() => onCurrentItem(it.id)}
          >
            <span className="record-item-title">
              {i + 1}. {it.title}
            </span>
            <span className="record-item-count">{counts.get(it.id) ?? 0} 人发言</span>
          </button>
        ))}
      </nav>
      <section className="record-body" aria-label="发言记录">
        {item && (
          <Typography.Title level={4} style={{ marginTop: 0 }}>
            议题{agenda.indexOf(item) + 1}：{item.title}
          </Typography.Title>
        )}
        {error && (
          <Alert
            type="error"
            showIcon
            title={error}
            action={
              <Button size="small" onClick={() => void load()}>
                再试一次
              </Button>
            }
          />
        )}
        <Spin spinning={!speeches && !error}>
          {mine.length === 0 && speeches && <Typography.Paragraph type="secondary">这个议题还没有发言记录。</Typography.Paragraph>}
          {mine.map((s, i) => (
            <SpeechEditor
              key={s.id}
              speech={s}
              number={i + 1}
              speakers={speakers}
              readOnly={readOnly}
              autoFocus={s.id === fresh}
              onChanged={(u) => setSpeeches((list) => (list ?? []).map((x) => (x.id === u.id ? u : x)))}
              onRemoved={(id) => {
                setSpeeches((list) => (list ?? []).filter((x) => x.id !== id));
                message.success('已删除这段发言');
              }}
              onNext={focusPicker}
            />
          ))}
        </Spin>
        {!readOnly && (
          <div className="new-speech">
            <Button type="primary" icon={<PlusOutlined />} onClick={focusPicker} loading={adding}>
              新增发言（Alt+N）
            </Button>
            <SpeakerPicker ref={picker} speakers={speakers} onPick={(s) => void add(s)} disabled={adding} />
            <Typography.Text type="secondary">选好发言人后直接记录要点；Ctrl+Enter 记下一位</Typography.Text>
          </div>
        )}
      </section>
    </div>
  );
}
