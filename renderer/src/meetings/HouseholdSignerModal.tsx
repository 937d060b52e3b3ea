import { useState } from 'react';
import { Modal, Radio, Space, Typography } from 'antd';
import type { ExpectedAttendee } from '../../../core/contract/attendance';

interface Props {
  entry: ExpectedAttendee;
  onClose(): void;
  onChoose(member: { personId: number; name: string }): void;
  okText?: string;
}

/** Household mode: one member signs for the household, which counts once. */
export function HouseholdSignerModal({ entry, onClose, onChoose, okText = '签到' }: Props) {
  const [chosen, setChosen] = useState<number | undefined>(entry.members.find((m) => !m.minor)?.personId);
  const member = entry.members.find((m) => m.personId === chosen && !m.minor);
  return (
    <Modal
      title={`${entry.householdNo ?? ''}户：谁来签到？`}
      open
      onCancel={onClose}
      onOk={() => member && onChoose(member)}
      okText={okText}
      cancelText="取消"
      okButtonProps={{ disabled: !member }}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">按户计算时，每户由一名年满十八周岁的成员签到，这一户只算一次。</Typography.Paragraph>
      <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as number)}>
        <Space orientation="vertical">
          {entry.members.map((m) => (
            <Radio key={m.personId} value={m.personId} disabled={m.minor}>
              {m.name}
              {m.minor ? '（未满十八周岁，不能作户代表）' : ''}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
    </Modal>
  );
}
