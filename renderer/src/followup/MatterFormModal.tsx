import { useState } from 'react';
import { Alert, AutoComplete, Checkbox, Form, Input, Modal } from 'antd';
import type { MatterDetail } from '../../../core/contract/matters';
import { call, errorMessage } from '../api/client';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import { orgWording } from '../../../core/documents/wording';
import { useCurrentOrg } from '../org/OrgContext';

interface Props {
  orgId: number;
  onClose(): void;
  onCreated(matter: MatterDetail): void;
}

const categories = ['集体资产', '集体土地', '村级工程项目', '集体经济发展', '公益事业', '财务收支', '惠民政策', '其他'].map((value) => ({ value }));

/** 新建事项: a major village matter that goes through 四议两公开. */
export function MatterFormModal({ orgId, onClose, onCreated }: Props) {
  const discard = useConfirmDiscard(onClose);
  const words = orgWording(useCurrentOrg().kind);
  const [title, setTitle] = useState('');
  const [content, setContent] = useState('');
  const [category, setCategory] = useState('');
  const clock = useClock();
  const [date, setDate] = useState<string | null>(clock.today);
  const [onePerson, setOnePerson] = useState(false);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function save() {
    setError(null);
    if (!title.trim()) return setError('请填写事项名称，例如“村集体鱼塘承包方案”');
    const dateProblem = dateCheck(date, '请填写登记日期');
    if (dateProblem || !date) return setError(dateProblem);
    setSaving(true);
    try {
      onCreated(
        await call('matters.create', {
          orgId,
          title: title.trim(),
          ...(content.trim() ? { content: content.trim() } : {}),
          ...(category.trim() ? { category: category.trim() } : {}),
          createdOn: date,
          bothPostsOnePerson: onePerson,
        }),
      );
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open
      title="新建四议两公开事项"
      okText="登记事项"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      {...discard}
      destroyOnHidden
      width={600}
    >
      <Form layout="vertical">
        <Form.Item label="事项名称">
          <Input aria-label="事项名称" value={title} maxLength={100} placeholder="例如：村集体鱼塘承包方案" onChange={(e) => setTitle(e.target.value)} />
        </Form.Item>
        <Form.Item label="事项内容（可不填）">
          <Input.TextArea
            aria-label="事项内容"
            value={content}
            maxLength={5000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setContent(e.target.value)}
          />
        </Form.Item>
        <div className="followup-row">
          <Form.Item label="事项类别（可不填）" style={{ flex: 1 }}>
            <AutoComplete aria-label="事项类别" value={category} options={categories} onChange={setCategory} placeholder="例如：集体资产" />
          </Form.Item>
          <Form.Item label="登记日期">
            <DateField aria-label="登记日期" value={date} allowClear={false} onChange={setDate} style={{ width: 170 }} />
          </Form.Item>
        </div>
        <Form.Item extra={`${words.partyOrg}书记和${words.committeeShort}主任由同一人担任时勾选；这时第 2 步“两委”会议商议可以与第 1 步合并召开。`}>
          <Checkbox checked={onePerson} onChange={(e) => setOnePerson(e.target.checked)}>
            书记、主任“一肩挑”
          </Checkbox>
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
