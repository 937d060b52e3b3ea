import { useMemo, useState } from 'react';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import { errorMessage } from '../api/client';
import { useCall } from '../api/queries';
import { MAX_PAGE_SIZE } from '../../../core/contract/paging';
import { dateWords } from './labels';

interface Props {
  orgId: number;
  title: string;
  intro: string;
  onClose(): void;
  /** Throws with the server's words when the meeting may not take it. */
  onPick(meetingId: number): Promise<void>;
}

/** 提交会议表决: choose a meeting of the organization that is not finalized. */
export function MeetingPickerModal({ orgId, title, intro, onClose, onPick }: Props) {
  const [meetingId, setMeetingId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const list = useCall('meetings.list', { orgId, pageSize: MAX_PAGE_SIZE });
  const meetings = useMemo(() => (list.data ? list.data.items.filter((m) => m.status !== '已定稿') : null), [list.data]);

  async function submit() {
    if (meetingId === null) return setError('请选择一次会议；还没有合适的会议，请先到“会议”中新建');
    setSaving(true);
    setError(null);
    try {
      await onPick(meetingId);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal open title={title} okText="提交表决" cancelText="取消" confirmLoading={saving} onOk={() => void submit()} onCancel={onClose} destroyOnHidden>
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label="选择会议">
          <Select<number>
            aria-label="选择会议"
            loading={meetings === null}
            value={meetingId ?? undefined}
            onChange={(v) => {
              setMeetingId(v);
              setError(null);
            }}
            placeholder="请选择"
            notFoundContent="没有可以提交的会议，请先到“会议”中新建"
            options={(meetings ?? []).map((m) => ({ value: m.id, label: `${m.title}（${m.typeName}，${dateWords(m.date)}，${m.status}）` }))}
          />
        </Form.Item>
      </Form>
      {(error ?? list.error) && <Alert type="error" showIcon title={error ?? list.error} />}
    </Modal>
  );
}
