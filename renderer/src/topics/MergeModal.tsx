import { useMemo, useState } from 'react';
import { Alert, Form, Modal, Select, Typography } from 'antd';
import type { TopicDetail } from '../../../core/contract/topics';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/queries';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  orgId: number;
  topic: TopicDetail;
  onClose(): void;
  onSaved(topic: TopicDetail): void;
}

/**
 * 合并到…: another topic still being handled takes this one over; both records stay. The topic
 * itself and finished topics are not offered; the service refuses them and cycles anyway.
 */
export function MergeModal({ orgId, topic, onClose, onSaved }: Props) {
  const [form] = Form.useForm<{ intoId?: number }>();
  const discard = useConfirmDiscard(onClose, form);
  const list = useCall('topics.list', { orgId, pageSize: 500 });
  const targets = useMemo(() => (list.data?.items ?? []).filter((t) => !t.closed && t.id !== topic.id), [list.data, topic.id]);
  const loading = list.pending;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    let v: { intoId?: number };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    if (!v.intoId) return;
    setSaving(true);
    setError(null);
    try {
      onSaved(await call('topics.merge', { id: topic.id, intoId: v.intoId }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`合并议题：${topic.title}`}
      open
      {...discard}
      onOk={submit}
      okText="合并"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={620}
    >
      <Typography.Paragraph type="secondary">合并后由选中的议题统一办理，本议题的记录仍然保留。只能合并到仍在办理中的议题。</Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="intoId" label="合并到的议题" rules={[{ required: true, message: '请选择合并到哪个议题' }]}>
          <Select<number>
            showSearch={{ optionFilterProp: 'label' }}
            loading={loading}
            placeholder="选择议题，可输入标题查找"
            notFoundContent={loading ? '正在读取议题…' : '没有其他仍在办理中的议题可以合并'}
            options={targets.map((t) => ({ value: t.id, label: `议题 ${t.id}：${t.title}（${t.receivedOn}，${t.status}）` }))}
          />
        </Form.Item>
      </Form>
      {(error ?? list.error) && <Alert type="error" showIcon title={error ?? list.error} />}
    </Modal>
  );
}
