import { useEffect, useState } from 'react';
import { Alert, AutoComplete, Button, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
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
}

/** 登记议题: what came in, by which channel, from whom, and how urgent it is. */
export function TopicFormModal({ orgId, channels, hotline: hotlineChannels, onChannels, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const discard = useConfirmDiscard(onClose, form);
  const today = useToday();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);
  const [person, setPerson] = useState<PersonRow | null>(null);
  const kind = Form.useWatch('raiserKind', form);
  const hotline = channelIsHotline(Form.useWatch('channel', form), hotlineChannels);

  // The service's today (its time zone), unless the user already picked a date.
  useEffect(() => {
    if (!form.isFieldTouched('receivedOn')) form.setFieldValue('receivedOn', today);
  }, [today, form]);

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
      const saved = await call('topics.create', {
        orgId,
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
      title="登记议题"
      open
      {...discard}
      onOk={submit}
      okText="登记"
      cancelText="取消"
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
    >
      <Form<Values> form={form} layout="horizontal" labelCol={{ span: 5 }} initialValues={{ receivedOn: today, raiserKind: 'person', urgency: '一般' }}>
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
              extra="保存后只显示后四位，查看完整号码会记入操作记录"
            >
              <Input maxLength={20} style={{ width: 240 }} inputMode="tel" />
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
            <PersonPicker orgId={orgId} aria-label="选择居民" onPicked={setPerson} notFoundHint="名册中没有找到，可以改选“填写姓名”" />
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
        <Form.Item label="附件">
          <Typography.Text type="secondary">登记后在议题页面点“添加附件”，选择照片、扫描件等文件，软件会保存一份副本</Typography.Text>
        </Form.Item>
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
