import { useMemo, useState } from 'react';
import { Alert, AutoComplete, Form, Input, Modal, Radio, Select } from 'antd';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Proposal } from '../../../core/contract/votes';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/queries';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import { orgWording } from '../../../core/documents/wording';
import { useCurrentOrg } from '../org/OrgContext';

interface Props {
  meetingId: number;
  item: AgendaItem;
  /** The item's proposals: the ones still open can be amended. */
  proposals: Proposal[];
  secondersRequired: number;
  onClose(): void;
  onSaved(p: Proposal): void;
}

interface Values {
  kind: 'new' | 'amendment';
  amendsId?: number;
  title: string;
  text: string;
  proposerKind: Proposal['proposerKind'];
  proposerName: string;
  seconders: string[];
}

/** Who may put a proposal, in the organization's words. */
const bodySuggestions = (orgKind: string) => {
  const w = orgWording(orgKind);
  return (w.place === '村' ? ['村党支部', '村党组织'] : ['社区党支部', '社区党组织']).concat([w.committee, w.supervision]);
};

interface Person {
  personId: number;
  name: string;
}

/** “提出议案”: a new proposal on the item, or an amendment (修正案) of one still open. */
export function ProposalFormModal({ meetingId, item, proposals, secondersRequired, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const orgKind = useCurrentOrg().kind;
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const kind = Form.useWatch('kind', form);
  const proposerKind = Form.useWatch('proposerKind', form);
  const amendable = proposals.filter((p) => p.status === '提出' || p.status === '讨论中');

  // Names to choose from: the people on this meeting's sign-in sheet (suggestions only: typing the name still works).
  const sheet = useCall('attendance.sheet', { meetingId }).data;
  const people = useMemo(() => {
    const list: Person[] = [];
    for (const e of sheet?.expected ?? []) {
      if (e.personId != null) list.push({ personId: e.personId, name: e.name });
      else for (const m of e.members) list.push({ personId: m.personId, name: m.name });
    }
    return list;
  }, [sheet]);

  const nameOptions = useMemo(() => {
    const seen = new Set<string>();
    return people.filter((p) => (seen.has(p.name) ? false : (seen.add(p.name), true))).map((p) => ({ value: p.name, label: p.name }));
  }, [people]);

  function chooseAmended(id: number) {
    const parent = amendable.find((p) => p.id === id);
    if (!parent) return;
    form.setFieldsValue({ title: `关于“${parent.title}”的修正案`, text: parent.text });
  }

  async function submit() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const name = v.proposerName.trim();
      const matches = v.proposerKind === 'person' ? people.filter((p) => p.name === name) : [];
      const saved = await call('proposals.create', {
        agendaItemId: item.id,
        title: v.title.trim(),
        text: v.text,
        proposerKind: v.proposerKind,
        proposerName: name,
        ...(matches.length === 1 ? { proposerPersonId: matches[0]!.personId } : {}),
        seconders: (v.seconders ?? []).map((s) => s.trim()).filter(Boolean),
        ...(v.kind === 'amendment' && v.amendsId ? { amendsId: v.amendsId } : {}),
      });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title="提出议案"
      open
      {...discard}
      onOk={submit}
      okText="提出"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={680}
    >
      <p style={{ marginTop: 0, color: '#666' }}>议题：{item.title}</p>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} />}
      <Form
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={{ kind: 'new', title: '', text: '', proposerKind: 'person', proposerName: '', seconders: [] }}
        preserve={false}
      >
        {amendable.length > 0 && (
          <Form.Item name="kind" label="议案类型">
            <Radio.Group
              optionType="button"
              options={[
                { label: '新议案', value: 'new' },
                { label: '修正案', value: 'amendment' },
              ]}
            />
          </Form.Item>
        )}
        {kind === 'amendment' && (
          <Form.Item
            name="amendsId"
            label="修正哪个议案"
            extra="修正案单独表决；通过后，原议案的内容改为修正后的内容，再对原议案表决"
            rules={[{ required: true, message: '请选择要修正的议案' }]}
          >
            <Select aria-label="修正哪个议案" options={amendable.map((p) => ({ value: p.id, label: p.title }))} onChange={chooseAmended} placeholder="请选择" />
          </Form.Item>
        )}
        <Form.Item name="title" label="议案名称" rules={[{ required: true, whitespace: true, message: '请填写议案名称' }]}>
          <Input maxLength={200} placeholder="如：村道硬化工程实施方案" />
        </Form.Item>
        <Form.Item name="text" label="议案内容" rules={[{ required: true, whitespace: true, message: '请填写议案内容' }]}>
          <Input.TextArea rows={5} maxLength={20000} placeholder="写明要大家表决的具体事项" />
        </Form.Item>
        <Form.Item name="proposerKind" label="提议人类别">
          <Radio.Group
            options={[
              { label: '个人', value: 'person' },
              { label: '组织（如村党支部）', value: 'body' },
              { label: '单位', value: 'unit' },
            ]}
          />
        </Form.Item>
        <Form.Item
          name="proposerName"
          label={proposerKind === 'person' ? '提议人姓名' : proposerKind === 'body' ? '提议组织' : '提议单位'}
          rules={[{ required: true, whitespace: true, message: '请填写提议人' }]}
        >
          <AutoComplete
            options={proposerKind === 'person' ? nameOptions : proposerKind === 'body' ? bodySuggestions(orgKind).map((s) => ({ value: s })) : []}
            showSearch={{ filterOption: (input, option) => String(option?.value ?? '').includes(input) }}
            placeholder={proposerKind === 'person' ? '输入或选择到会人员姓名' : proposerKind === 'body' ? '如：村党支部' : '如：镇农业服务中心'}
          />
        </Form.Item>
        <Form.Item
          name="seconders"
          label="附议人"
          extra={secondersRequired > 0 ? `本类会议的议案需要 ${secondersRequired} 人附议才能表决` : '没有附议人可以不填；输入姓名后按回车'}
        >
          <Select mode="tags" aria-label="附议人" options={nameOptions} placeholder="选择或输入姓名" tokenSeparators={['，', ',', '、']} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
