import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { CallInput } from '../../../core/contract';
import type { PersonRow } from '../../../core/contract/people';
import { channelIsHotline, type TopicDetail } from '../../../core/contract/topics';
import { call, errorMessage } from '../api/client';
import { ChannelsModal } from './ChannelsModal';
import type { ChannelList } from './useChannels';
import { PersonPicker } from '../people/PersonPicker';
import { useToday } from './useToday';
import { DateField } from '../app/DateField';
import { dateRule } from '../app/dateRules';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

type RaiserKind = 'person' | 'name' | 'anonymous';

interface Values {
  receivedOn: string | null;
  channel?: string;
  raiserKind: RaiserKind;
  raiserPersonId?: number | null;
  raiserName?: string;
  place?: string;
  category?: string;
  title: string;
  content: string;
  urgency: '一般' | '较急' | '紧急';
  ticketNumber?: string;
  callerName?: string;
  callerPhone?: string;
  replyDueOn?: string | null;
}

/** 7–12 digits with an optional “-” after the area code, as topics.create checks it. */
const CALLER_PHONE = /^\d+(-\d+)?$/;

const categories = ['环境卫生', '物业管理', '道路交通', '公共设施', '停车管理', '治安消防', '邻里纠纷', '民生保障', '其他'];

interface Props {
  orgId: number;
  channels: string[];
  /** The channels whose topics carry 工单号, 来电人, 来电电话 and 答复时限. */
  hotline: string[];
  onChannels(next: ChannelList): void;
  onClose(): void;
  onSaved(topic: TopicDetail): void;
  /** 修改议题: the registered topic to correct; only the fields changed are sent (topics.update). */
  topic?: TopicDetail;
}

/** The form's values for a registered topic; the caller's phone is held masked, so it starts empty. */
function valuesOf(t: TopicDetail): Values {
  return {
    receivedOn: t.receivedOn,
    channel: t.channel,
    raiserKind: t.raiserKind,
    raiserPersonId: t.raiserPersonId,
    raiserName: t.raiserKind === 'name' ? t.raiserName : '',
    place: t.place ?? '',
    category: t.category ?? '',
    title: t.title,
    content: t.content,
    urgency: t.urgency,
    ticketNumber: t.ticketNumber ?? '',
    callerName: t.callerName ?? '',
    callerPhone: '',
    replyDueOn: t.replyDueOn,
  };
}

/** The call's fields that differ from what the topic holds; a phone only when one was typed. */
function changedFields(t: TopicDetail, next: Omit<CallInput<'topics.create'>, 'orgId'>): Omit<CallInput<'topics.update'>, 'id'> {
  const was: Record<string, unknown> = { ...valuesOf(t) };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(next) as [string, unknown][]) {
    if (k === 'callerPhone' ? v !== '' : v !== was[k]) out[k] = v;
  }
  // The raiser goes as a whole: its kind with the person or the name.
  if ('raiserKind' in out || 'raiserPersonId' in out || 'raiserName' in out) {
    out.raiserKind = next.raiserKind;
    if ('raiserPersonId' in next) out.raiserPersonId = next.raiserPersonId;
    if ('raiserName' in next) out.raiserName = next.raiserName;
  }
  return out as Omit<CallInput<'topics.update'>, 'id'>;
}

/** 登记议题 (or 修改议题): what came in, by which channel, from whom, and how urgent it is. */
export function TopicFormModal({ orgId, channels, hotline: hotlineChannels, onChannels, onClose, onSaved, topic }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const today = useToday();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);
  const [person, setPerson] = useState<PersonRow | null>(null);
  const kind = Form.useWatch('raiserKind', form);
  const channel = Form.useWatch('channel', form);
  // A topic whose channel stopped carrying the ticket fields still shows (and may clear) what it holds.
  const holdsTicket = !!topic && channel === topic.channel && !!(topic.ticketNumber || topic.callerName || topic.callerPhoneMasked || topic.replyDueOn);
  const hotline = channelIsHotline(channel, hotlineChannels) || holdsTicket;

  // The service's today (its time zone), unless the user already picked a date or corrects a topic.
  useEffect(() => {
    if (!topic && !form.isFieldTouched('receivedOn')) form.setFieldValue('receivedOn', today);
  }, [today, form, topic]);

  async function submit() {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setError(null);
    const fields: Omit<CallInput<'topics.create'>, 'orgId'> = {
      receivedOn: v.receivedOn ?? today,
      channel: v.channel ?? '',
      raiserKind: v.raiserKind,
      ...(v.raiserKind === 'person' && v.raiserPersonId ? { raiserPersonId: v.raiserPersonId } : {}),
      ...(v.raiserKind === 'name' ? { raiserName: (v.raiserName ?? '').trim() } : {}),
      place: (v.place ?? '').trim(),
      category: (v.category ?? '').trim(),
      title: v.title.trim(),
      content: v.content,
      urgency: v.urgency,
      // Only a channel marked as carrying the ticket fields has them; hidden fields are not sent.
      ...(hotline
        ? {
            ticketNumber: (v.ticketNumber ?? '').trim(),
            callerName: (v.callerName ?? '').trim(),
            callerPhone: (v.callerPhone ?? '').trim(),
            replyDueOn: v.replyDueOn || null,
          }
        : {}),
    };
    const changed = topic && changedFields(topic, fields);
    if (changed && Object.keys(changed).length === 0) {
      setSaving(false);
      onClose();
      return;
    }
    try {
      onSaved(await (topic && changed ? call('topics.update', { id: topic.id, ...changed }) : call('topics.create', { orgId, ...fields })));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={topic ? '修改议题' : '登记议题'}
      open
      {...discard}
      onOk={submit}
      okText={topic ? '保存' : '登记'}
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
    >
      <Form<Values>
        form={form}
        layout="horizontal"
        labelCol={{ span: 5 }}
        initialValues={topic ? valuesOf(topic) : { receivedOn: today, raiserKind: 'person', urgency: '一般' }}
      >
        <Form.Item name="receivedOn" label="收到日期" rules={[dateRule('请填写收到日期')]}>
          <DateField aria-label="收到日期" />
        </Form.Item>
        <Form.Item label="来源渠道" required>
          <Space>
            <Form.Item name="channel" noStyle rules={[{ required: true, message: '请选择来源渠道' }]}>
              <Select aria-label="来源渠道" placeholder="请选择" style={{ width: 200 }} options={channels.map((c) => ({ value: c, label: c }))} />
            </Form.Item>
            <Button onClick={() => setManaging(true)}>管理渠道</Button>
          </Space>
        </Form.Item>
        {hotline && (
          <>
            <Form.Item name="ticketNumber" label="工单号">
              <Input maxLength={40} style={{ width: 240 }} placeholder="例如 12345 平台派发的工单编号" />
            </Form.Item>
            <Form.Item name="callerName" label="来电人">
              <Input maxLength={50} style={{ width: 240 }} />
            </Form.Item>
            <Form.Item
              name="callerPhone"
              label="来电电话"
              rules={[
                {
                  validator: (_r, v: string | undefined) => {
                    const s = (v ?? '').trim();
                    const n = s.replace('-', '').length;
                    return s === '' || (CALLER_PHONE.test(s) && n >= 7 && n <= 12)
                      ? Promise.resolve()
                      : Promise.reject(new Error('来电电话只能是 7 至 12 位数字，区号后可加一个“-”，例如 13812345678 或 0571-88886666'));
                  },
                },
              ]}
              extra={
                topic?.callerPhoneMasked
                  ? `现为 ${topic.callerPhoneMasked}，不修改请留空；填写新号码则替换原号码`
                  : '保存后只显示后四位，查看完整号码会记入操作记录'
              }
            >
              <Input maxLength={20} style={{ width: 240 }} inputMode="tel" placeholder={topic?.callerPhoneMasked ? '不修改请留空' : undefined} />
            </Form.Item>
            <Form.Item name="replyDueOn" label="答复时限" rules={[dateRule()]} extra="临近或超过时限还没有答复的，会列在首页">
              <DateField aria-label="答复时限" />
            </Form.Item>
          </>
        )}
        <Form.Item name="raiserKind" label="反映人">
          <Radio.Group
            optionType="button"
            options={[
              { value: 'person', label: '名册中的居民' },
              { value: 'name', label: '填写姓名' },
              { value: 'anonymous', label: '匿名' },
            ]}
          />
        </Form.Item>
        {kind === 'person' && (
          <Form.Item
            name="raiserPersonId"
            label="选择居民"
            rules={[{ required: true, message: '请从名册中选择反映人，名册里没有的可以改选“填写姓名”' }]}
            extra={person?.householdNo ? `户号 ${person.householdNo}${person.groupName ? `，${person.groupName}` : ''}` : undefined}
          >
            <PersonPicker
              orgId={orgId}
              aria-label="选择居民"
              onPicked={setPerson}
              notFoundHint="名册中没有找到，可以改选“填写姓名”"
              current={topic?.raiserKind === 'person' && topic.raiserPersonId ? { id: topic.raiserPersonId, label: topic.raiserName } : undefined}
            />
          </Form.Item>
        )}
        {kind === 'name' && (
          <Form.Item name="raiserName" label="反映人姓名" rules={[{ required: true, whitespace: true, message: '请填写反映人姓名，或选择“匿名”' }]}>
            <Input maxLength={50} style={{ width: 240 }} />
          </Form.Item>
        )}
        <Form.Item name="place" label="户号或地点">
          <Input maxLength={100} placeholder="例如：3号楼2单元、东风路口" />
        </Form.Item>
        <Form.Item name="category" label="类别">
          <AutoComplete
            aria-label="类别"
            options={categories.map((c) => ({ value: c }))}
            placeholder="可选，也可以直接输入"
            maxLength={20}
            style={{ width: 240 }}
          />
        </Form.Item>
        <Form.Item name="title" label="议题标题" rules={[{ required: true, whitespace: true, message: '请填写议题标题' }]}>
          <Input maxLength={100} placeholder="一句话说清楚，例如：3号楼垃圾桶满溢" />
        </Form.Item>
        <Form.Item name="content" label="议题内容" rules={[{ required: true, whitespace: true, message: '请填写议题内容' }]}>
          <Input.TextArea rows={4} maxLength={5000} placeholder="居民反映的具体情况" />
        </Form.Item>
        {!topic && (
          <Form.Item label="附件">
            <Typography.Text type="secondary">登记后在议题页面点“添加附件”，选择照片、扫描件等文件，软件会保存一份副本</Typography.Text>
          </Form.Item>
        )}
        <Form.Item name="urgency" label="紧急程度">
          <Radio.Group
            optionType="button"
            options={[
              { value: '一般', label: '一般' },
              { value: '较急', label: '较急' },
              { value: '紧急', label: '紧急' },
            ]}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
      {managing && (
        <ChannelsModal
          orgId={orgId}
          channels={channels}
          hotline={hotlineChannels}
          onClose={() => setManaging(false)}
          onSaved={(next) => {
            setManaging(false);
            onChannels(next);
            if (!next.channels.includes(form.getFieldValue('channel'))) form.setFieldValue('channel', undefined);
          }}
        />
      )}
    </Modal>
  );
}
