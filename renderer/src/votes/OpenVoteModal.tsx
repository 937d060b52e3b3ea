import { useMemo, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { Meeting } from '../../../core/contract/meetings';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { voteMethods, type VoteMethod } from '../../../core/rules/tally';
import { call, errorMessage } from '../api/client';
import { skipToken, useCall } from '../api/queries';
import { methodHelp } from './labels';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

const OPTION_LABELS = ['方案一', '方案二', '方案三', '方案四', '方案五', '方案六', '方案七', '方案八', '方案九', '方案十'];

interface Props {
  meeting: Meeting;
  item: AgendaItem;
  /** Proposals of the item that can still be voted on (提出 / 讨论中). */
  proposals: Proposal[];
  initialIds: number[];
  onClose(): void;
  onOpened(v: Vote): void;
}

interface ProxyRow {
  grantorPersonId?: number;
  holderPersonId?: number;
  document?: string;
}

interface Values {
  proposalIds: number[];
  method: VoteMethod;
  tellers: string;
  counters: string;
  proxies: ProxyRow[];
}

interface PersonChoice {
  value: number;
  label: string;
}

/** “开始表决”: which proposal(s), how, and who watches and counts the ballots. */
export function OpenVoteModal({ meeting, item, proposals, initialIds, onClose, onOpened }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const [saving, setSaving] = useState(false);
  const [saveError, setError] = useState<string | null>(null);
  const ids = Form.useWatch('proposalIds', form) ?? initialIds;
  const method = Form.useWatch('method', form);
  const proxiesAllowed = meeting.ruleSet.proxies.allowed;

  // Proxies: a present voter holds the written proxy of someone absent.
  const sheet = useCall('attendance.sheet', proxiesAllowed ? { meetingId: meeting.id } : skipToken);
  const { present, absent } = useMemo(() => {
    const here: PersonChoice[] = [];
    const away: PersonChoice[] = [];
    for (const e of sheet.data?.expected ?? []) {
      if (e.personId == null) continue;
      const isHere = e.attendance && (e.attendance.status === '出席' || e.attendance.status === '迟到');
      (isHere ? here : away).push({ value: e.personId, label: e.name });
    }
    return { present: here, absent: away };
  }, [sheet.data]);
  const error = saveError ?? sheet.error;

  const chosen = proposals.filter((p) => ids.includes(p.id));
  const amendmentWithOthers = chosen.length > 1 && chosen.some((p) => p.amendsId != null);

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
      // Keep the order the proposals are listed in: that is 方案一, 方案二…
      const ordered = proposals.filter((p) => v.proposalIds.includes(p.id)).map((p) => p.id);
      const proxies = (v.proxies ?? []).filter((p) => p.grantorPersonId && p.holderPersonId);
      const opened = await call('votes.open', {
        agendaItemId: item.id,
        proposalIds: ordered,
        method: v.method,
        ...(v.tellers?.trim() ? { tellers: v.tellers.trim() } : {}),
        ...(v.counters?.trim() ? { counters: v.counters.trim() } : {}),
        ...(proxies.length
          ? { proxies: proxies.map((p) => ({ grantorPersonId: p.grantorPersonId!, holderPersonId: p.holderPersonId!, document: (p.document ?? '').trim() })) }
          : {}),
      });
      onOpened(opened);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const q = meeting.quorum;
  return (
    <Modal
      title="开始表决"
      open
      {...discard}
      onOk={submit}
      okText="开始表决"
      cancelText="取消"
      okButtonProps={{ disabled: amendmentWithOthers }}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
    >
      {error && <Alert className="vote-alert-big" type="error" showIcon title="没有开始表决" description={error} style={{ marginBottom: 16 }} />}
      {!error && !q.met && (
        <Alert
          type="warning"
          showIcon
          title={`现实到 ${q.present} 人，${q.rule}，还差 ${q.missing} 人`}
          description="人数不够时不能开始表决。请先在签到页登记到会人员。"
          style={{ marginBottom: 16 }}
        />
      )}
      <p style={{ marginTop: 0, color: '#666' }}>议题：{item.title}</p>
      <Form form={form} layout="vertical" initialValues={{ proposalIds: initialIds, method: '举手', tellers: '', counters: '', proxies: [] }} preserve={false}>
        <Form.Item
          name="proposalIds"
          label="对哪个议案表决"
          extra="选一个：对该议案表决赞成、反对或弃权。选两个或以上：多个方案比选，每人选一个方案。"
          rules={[{ type: 'array', min: 1, message: '请至少选一个议案' }]}
        >
          <Checkbox.Group style={{ display: 'flex', flexDirection: 'column', gap: 8 }}>
            {proposals.map((p) => (
              <Checkbox key={p.id} value={p.id}>
                {p.title}
                {p.amendsId != null && <Typography.Text type="secondary">（修正案）</Typography.Text>}
              </Checkbox>
            ))}
          </Checkbox.Group>
        </Form.Item>
        {chosen.length > 1 && (
          <Alert
            type={amendmentWithOthers ? 'error' : 'info'}
            showIcon
            style={{ marginBottom: 16 }}
            title={
              amendmentWithOthers
                ? '修正案应单独表决，不能与其他方案一起比选。请只选修正案，或不选修正案。'
                : `方案比选：${proposals
                    .filter((p) => ids.includes(p.id))
                    .map((p, i) => `${OPTION_LABELS[i]} ${p.title}`)
                    .join('；')}`
            }
          />
        )}
        <Form.Item name="method" label="表决方式" extra={method ? methodHelp[method] : undefined}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={voteMethods.map((m) => ({ label: m === '无记名' ? '无记名投票' : `${m}表决`, value: m }))}
          />
        </Form.Item>
        <Space size="large" wrap>
          <Form.Item name="tellers" label="监票人" style={{ minWidth: 300 }}>
            <Input maxLength={100} placeholder={method === '无记名' ? '无记名投票请填写，如：张三、李四' : '可不填'} />
          </Form.Item>
          <Form.Item name="counters" label="计票人" style={{ minWidth: 300 }}>
            <Input maxLength={100} placeholder={method === '无记名' ? '无记名投票请填写，如：王五' : '可不填'} />
          </Form.Item>
        </Space>
        {proxiesAllowed && (
          <Form.List name="proxies">
            {(fields, { add, remove }) => (
              <div>
                <Typography.Text strong>书面委托（委托书）</Typography.Text>
                <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
                  本类会议允许书面委托投票，每位受托人最多接受 {meeting.ruleSet.proxies.maxPerHolder} 人的委托。
                </Typography.Paragraph>
                {fields.map((f) => (
                  <Space key={f.key} align="start" wrap>
                    <Form.Item name={[f.name, 'grantorPersonId']} rules={[{ required: true, message: '请选择委托人' }]}>
                      <Select
                        aria-label="委托人"
                        placeholder="委托人（未到会）"
                        options={absent}
                        showSearch={{ optionFilterProp: 'label' }}
                        style={{ width: 180 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'holderPersonId']} rules={[{ required: true, message: '请选择受托人' }]}>
                      <Select
                        aria-label="受托人"
                        placeholder="受托人（已到会）"
                        options={present}
                        showSearch={{ optionFilterProp: 'label' }}
                        style={{ width: 180 }}
                      />
                    </Form.Item>
                    <Form.Item name={[f.name, 'document']} rules={[{ required: true, whitespace: true, message: '请写明委托书' }]}>
                      <Input aria-label="委托书" placeholder="委托书说明，如：2026年3月10日书面委托" style={{ width: 260 }} />
                    </Form.Item>
                    <Button icon={<DeleteOutlined />} aria-label="删除这份委托" onClick={() => remove(f.name)} />
                  </Space>
                ))}
                <Button icon={<PlusOutlined />} onClick={() => add({})}>
                  添加委托
                </Button>
              </div>
            )}
          </Form.List>
        )}
      </Form>
    </Modal>
  );
}
