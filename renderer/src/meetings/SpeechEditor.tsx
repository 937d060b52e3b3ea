import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Input, Popconfirm, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { Speech } from '../../../core/contract/speeches';
import { call, errorMessage } from '../api/client';
import { useReportError } from '../app/useReportError';
import { clearDraft, newerDraft, writeDraft } from './drafts';
import type { Speaker } from './speakers';
import { useClock } from '../app/useClock';
import { clockWithSeconds } from './time';

const AUTOSAVE_MS = 600;

type SaveState = { kind: 'empty' } | { kind: 'saved'; at: string } | { kind: 'typing' } | { kind: 'saving' } | { kind: 'error'; message: string };

interface Props {
  speech: Speech;
  number: number;
  speakers: Speaker[];
  readOnly: boolean;
  autoFocus?: boolean;
  onChanged(speech: Speech): void;
  onRemoved(id: number): void;
  /** Ctrl+Enter: go on to the next speaker. */
  onNext(): void;
}

/** One speaker's entry. The main points save themselves as they are typed. */
export function SpeechEditor({ speech, number, speakers, readOnly, autoFocus, onChanged, onRemoved, onNext }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const { timeZone } = useClock();
  const [text, setText] = useState(speech.content);
  const [speakerName, setSpeakerName] = useState(speech.speakerName);
  const [state, setState] = useState<SaveState>(
    speech.content ? { kind: 'saved', at: clockWithSeconds(timeZone, new Date(speech.updatedAt)) } : { kind: 'empty' },
  );
  const latest = useRef(speech.content);
  const saved = useRef(speech.content);
  const saving = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangedRef = useRef(onChanged);
  onChangedRef.current = onChanged;
  const id = speech.id;

  const flush = useCallback(async (): Promise<void> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    if (saving.current || latest.current === saved.current) return;
    saving.current = true;
    const content = latest.current;
    setState({ kind: 'saving' });
    try {
      const updated = await call('speeches.update', { id, content });
      saved.current = content;
      if (latest.current === content) clearDraft(id);
      setState({ kind: 'saved', at: clockWithSeconds(timeZone) });
      onChangedRef.current(updated);
    } catch (e) {
      setState({ kind: 'error', message: errorMessage(e) });
      saving.current = false;
      return;
    }
    saving.current = false;
    // More was typed while saving: save that too.
    if (latest.current !== saved.current) void flush();
  }, [id, timeZone]);

  // A draft typed after the last save (the window closed mid-sentence) comes back and is saved.
  useEffect(() => {
    const draft = newerDraft(id, speech.content, speech.updatedAt);
    if (!draft || readOnly) return;
    latest.current = draft.content;
    setText(draft.content);
    message.info(`已恢复第 ${number} 位发言（${speech.speakerName}）关闭前未保存的内容`);
    void flush();
    // Only once, when the entry first appears (the other values are those of that moment).
  }, [id]);

  // Save when the window is hidden or closed, and when this entry goes away.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onUnload = () => void flush();
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('beforeunload', onUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('beforeunload', onUnload);
      void flush();
    };
  }, [flush]);

  function change(value: string) {
    setText(value);
    latest.current = value;
    writeDraft(id, value);
    setState({ kind: 'typing' });
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => void flush(), AUTOSAVE_MS);
  }

  function onKeyDown(e: KeyboardEvent<HTMLTextAreaElement>) {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      void flush();
      onNext();
    }
  }

  async function renameSpeaker() {
    const name = speakerName.trim();
    if (!name || name === speech.speakerName) {
      setSpeakerName(speech.speakerName);
      return;
    }
    const known = speakers.find((s) => s.name === name);
    try {
      onChanged(await call('speeches.update', { id, speakerName: name, speakerPersonId: known?.personId ?? null }));
    } catch (e) {
      setSpeakerName(speech.speakerName);
      reportError(e, '发言人没有修改');
    }
  }

  async function remove() {
    try {
      if (timer.current) clearTimeout(timer.current);
      await call('speeches.remove', { id });
      latest.current = saved.current;
      clearDraft(id);
      onRemoved(id);
    } catch (e) {
      reportError(e, '发言没有删除');
    }
  }

  const stateText =
    state.kind === 'empty'
      ? '输入后自动保存'
      : state.kind === 'saved'
        ? `已保存 ${state.at}`
        : state.kind === 'saving'
          ? '正在保存…'
          : state.kind === 'typing'
            ? '正在输入，稍后自动保存'
            : `没有保存：${state.message}（内容已暂存在本机，再输入或点别处时会重试）`;

  return (
    <div className="speech">
      <div className="speech-head">
        <span className="speech-number">第 {number} 位</span>
        <Input
          aria-label={`第 ${number} 位发言人`}
          className="speech-speaker"
          value={speakerName}
          disabled={readOnly}
          maxLength={30}
          onChange={(e) => setSpeakerName(e.target.value)}
          onBlur={() => void renameSpeaker()}
          onPressEnter={(e) => e.currentTarget.blur()}
        />
        <div className="toolbar-spacer" />
        {!readOnly && (
          <Typography.Text type={state.kind === 'error' ? 'danger' : 'secondary'} className="save-state" aria-live="polite">
            {stateText}
          </Typography.Text>
        )}
        {!readOnly && (
          <Popconfirm title={`删除${speech.speakerName}的这段发言？`} okText="删除" cancelText="取消" okButtonProps={{ danger: true }} onConfirm={remove}>
            <Button size="small" danger type="text" icon={<DeleteOutlined />} aria-label={`删除第 ${number} 位发言`} />
          </Popconfirm>
        )}
      </div>
      <Input.TextArea
        aria-label={`${speech.speakerName}的发言要点`}
        value={text}
        readOnly={readOnly}
        autoFocus={autoFocus}
        autoSize={{ minRows: 3, maxRows: 14 }}
        maxLength={20000}
        placeholder="记录发言要点，边打字边自动保存。Ctrl+Enter 记下一位发言人"
        onChange={(e) => change(e.target.value)}
        onBlur={() => void flush()}
        onKeyDown={onKeyDown}
      />
    </div>
  );
}
