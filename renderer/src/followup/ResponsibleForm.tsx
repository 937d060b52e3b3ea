import { useState } from 'react';
import { App, Button, Form, Input } from 'antd';
import type { FollowUpDetail } from '../../../core/contract/followup';
import { call } from '../api/client';
import { useReportError } from '../app/useReportError';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';

interface Props {
  detail: FollowUpDetail;
  onSaved(): void;
}

/** 责任人或单位 and 完成期限 (resolutions.update). */
export function ResponsibleForm({ detail, onSaved }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const [responsible, setResponsible] = useState(detail.responsible ?? '');
  const [deadline, setDeadline] = useState<string | null>(detail.deadline ?? null);
  const [saving, setSaving] = useState(false);
  const changed = responsible.trim() !== (detail.responsible ?? '') || (deadline ?? null) !== detail.deadline;

  async function save() {
    setSaving(true);
    try {
      await call('resolutions.update', { id: detail.id, responsible: responsible.trim(), deadline: deadline ? deadline : null });
      message.success(`已保存决议${detail.number}的责任人和完成期限`);
      onSaved();
    } catch (e) {
      reportError(e, '责任人和完成期限没有保存');
    } finally {
      setSaving(false);
    }
  }

  return (
    <Form layout="inline" className="followup-inline-form" onFinish={() => void save()}>
      <Form.Item label="责任人或单位">
        <Input
          aria-label="责任人或单位"
          value={responsible}
          maxLength={60}
          placeholder="例如：村委会主任 王明"
          onChange={(e) => setResponsible(e.target.value)}
          style={{ width: 200 }}
        />
      </Form.Item>
      <Form.Item label="完成期限">
        <DateField aria-label="完成期限" value={deadline} placeholder="可不填" onChange={setDeadline} style={{ width: 160 }} />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={saving} disabled={!changed || Boolean(detail.completedOn) || Boolean(dateCheck(deadline))}>
          保存
        </Button>
      </Form.Item>
    </Form>
  );
}
