import { InputNumber, Radio, Space } from 'antd';
import type { Threshold } from '../../../core/rules/fraction';

interface Props {
  label: string;
  value: Threshold;
  onChange(value: Threshold): void;
}

/** A fraction (分子/分母) and the law's counting word: 以上 (含本数) or 超过 (不含本数). */
export function ThresholdInput({ label, value, onChange }: Props) {
  const set = (patch: Partial<Threshold['fraction']>) => onChange({ ...value, fraction: { ...value.fraction, ...patch } });
  return (
    <Space wrap>
      <InputNumber
        aria-label={`${label}的分母`}
        precision={0}
        value={value.fraction.den}
        onChange={(v) => set({ den: typeof v === 'number' ? v : 0 })}
        style={{ width: 80 }}
      />
      <span>分之</span>
      <InputNumber
        aria-label={`${label}的分子`}
        precision={0}
        value={value.fraction.num}
        onChange={(v) => set({ num: typeof v === 'number' ? v : 0 })}
        style={{ width: 80 }}
      />
      <Radio.Group
        aria-label={`${label}的计算方式`}
        optionType="button"
        value={value.comparison}
        onChange={(e) => onChange({ ...value, comparison: e.target.value as Threshold['comparison'] })}
        options={[
          { value: 'atLeast', label: '以上（含本数）' },
          { value: 'moreThan', label: '超过（不含本数）' },
        ]}
      />
    </Space>
  );
}
