import { forwardRef, useMemo, useState } from 'react';
import { AutoComplete, type GetRef } from 'antd';
import { findSpeakers, type Speaker } from './speakers';

export type SpeakerPickerRef = GetRef<typeof AutoComplete>;

interface Props {
  speakers: Speaker[];
  disabled?: boolean;
  onPick(speaker: { name: string; personId: number | null }): void;
}

// Option values never typed by a person, so a pick is told apart from typing.
const KEY = '\u0001';
const FREE = `${KEY}free`;

/** 发言人: type a name or pinyin initials; Enter takes the highlighted name, or the text as typed. */
export const SpeakerPicker = forwardRef<SpeakerPickerRef, Props>(function SpeakerPicker({ speakers, disabled, onPick }, ref) {
  const [text, setText] = useState('');
  const matches = useMemo(() => findSpeakers(speakers, text), [speakers, text]);
  const typed = text.trim();

  const options = typed
    ? [
        ...matches.map((s, i) => ({
          value: `${KEY}${i}`,
          label: (
            <div className="speaker-option">
              <span>{s.name}</span>
              <span className="option-note">{s.note}</span>
            </div>
          ),
        })),
        ...(matches.some((s) => s.name === typed)
          ? []
          : [
              {
                value: FREE,
                label: (
                  <div className="speaker-option">
                    按“{typed}”记录{matches.length ? '（不是上面的人）' : '（名单外人员）'}
                  </div>
                ),
              },
            ]),
      ]
    : [];

  return (
    <AutoComplete
      ref={ref}
      aria-label="发言人"
      className="speaker-picker"
      value={text}
      disabled={disabled}
      options={options}
      defaultActiveFirstOption
      placeholder="输入发言人姓名或拼音首字母，按回车"
      onChange={(v: string) => {
        if (!v.startsWith(KEY)) setText(v);
      }}
      onSelect={(v: string) => {
        if (v === FREE) onPick({ name: typed, personId: null });
        else {
          const s = matches[Number(v.slice(KEY.length))];
          if (s) onPick({ name: s.name, personId: s.personId });
        }
        setText('');
      }}
      style={{ width: 340 }}
    />
  );
});
