import { useEffect, useMemo, useState } from 'react';
import { Alert, Form, Input, Modal, Radio, Select, Space, Spin, Typography } from 'antd';
import type { Body } from '../../../core/contract/bodies';
import type { MeetingType } from '../../../core/contract/meeting-types';
import type { Meeting } from '../../../core/contract/meetings';
import { versionInForce, type AttendeeBasis } from '../../../core/rules/rule-set';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/queries';
import { lawNote, quorumWords, ruleSummary } from './ruleWords';
import { isIsoDate } from '../../../core/date-input';
import { DateField, TimeField } from '../app/DateField';
import { dateRule, timeRule } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import { useCurrentOrg } from '../org/OrgContext';
import { basisWords, orgWording } from '../../../core/documents/wording';

interface Values {
  meetingTypeId?: number;
  title: string;
  date: string | null;
  startTime: string | null;
  endTime: string | null;
  place: string;
  chairName: string;
  recorderName: string;
  basis?: AttendeeBasis;
  bodyId?: number | null;
  groupName?: string;
}

interface Props {
  orgId: number;
  /** The meeting to edit; absent when creating one. */
  meeting?: Meeting;
  onClose(): void;
  onSaved(meeting: Meeting): void;
}

const NO_BODIES: Body[] = [];
const NO_GROUPS: { name: string; count: number }[] = [];

/** 新建会议 / 修改会议信息: the type, with the rules that apply on the chosen date, and who should attend. */
export function MeetingFormModal({ orgId, meeting, onClose, onSaved }: Props) {
  const [form] = Form.useForm<Values>();
  const clock = useClock();
  const discard = useConfirmDiscard(onClose, form);
  const typesQuery = useCall('meetingTypes.list', { orgId });
  const bodiesQuery = useCall('bodies.list', { orgId });
  const groupsQuery = useCall('people.groups', { orgId });
  const profileQuery = useCall('organizations.profile', { orgId });
  const defaultRecorder = profileQuery.data?.defaultRecorder ?? null;
  const types: MeetingType[] | null = typesQuery.data && bodiesQuery.data && groupsQuery.data ? typesQuery.data.items : null;
  const bodies: Body[] = bodiesQuery.data?.items ?? NO_BODIES;
  const groups = groupsQuery.data?.items ?? NO_GROUPS;
  const loadError = typesQuery.error ?? bodiesQuery.error ?? groupsQuery.error;
  const orgKind = useCurrentOrg().kind;
  const words = orgWording(orgKind);
  const [saveError, setSaveError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const editing = Boolean(meeting);
  const started = meeting?.status === '进行中' || meeting?.status === '已结束';

  const typeId = Form.useWatch('meetingTypeId', form);
  const date = Form.useWatch('date', form);
  const basis = Form.useWatch('basis', form);
  const type = types?.find((t) => t.id === typeId);
  const isoDay = isIsoDate(date) ? date : null;
  const version = useMemo(() => (type && isoDay ? versionInForce(type.versions, isoDay) : null), [type, isoDay]);
  const bases = version?.definition.bases ?? [];

  // Keep the basis one the chosen rules allow; with only one there is nothing to choose.
  useEffect(() => {
    if (!version || started) return;
    const allowed = version.definition.bases.map((b) => b.basis);
    const currentBasis = form.getFieldValue('basis') as AttendeeBasis | undefined;
    if (!currentBasis || !allowed.includes(currentBasis)) form.setFieldValue('basis', allowed[0]);
  }, [version, form, started]);

  // One body of the matching kind: choose it for the secretary.
  useEffect(() => {
    if (basis !== 'body' || !version || form.getFieldValue('bodyId')) return;
    const sameKind = bodies.filter((b) => b.kind === version.definition.meetingKind);
    if (sameKind.length === 1) form.setFieldValue('bodyId', sameKind[0]!.id);
    else if (bodies.length === 1) form.setFieldValue('bodyId', bodies[0]!.id);
  }, [basis, version, bodies, form]);

  const initialValues: Values = meeting
    ? {
        meetingTypeId: meeting.meetingTypeId,
        title: meeting.title,
        date: meeting.date,
        startTime: meeting.startTime,
        endTime: meeting.endTime,
        place: meeting.place ?? '',
        chairName: meeting.chairName ?? '',
        recorderName: meeting.recorderName ?? '',
        basis: meeting.basis,
        bodyId: meeting.bodyId,
        groupName: meeting.groupName ?? undefined,
      }
    : { title: '', date: clock.today, startTime: null, endTime: null, place: '', chairName: '', recorderName: '' };

  // A new meeting starts with 本单位信息's 默认记录人, unless she already typed one.
  useEffect(() => {
    if (meeting || !defaultRecorder || form.isFieldTouched('recorderName') || form.getFieldValue('recorderName')) return;
    form.setFieldValue('recorderName', defaultRecorder);
  }, [meeting, defaultRecorder, form]);

  function onTypeChosen(id: number) {
    const chosen = types?.find((t) => t.id === id);
    if (!chosen || editing) return;
    // A ready title the secretary can keep or change: "2026年3月村民代表会议".
    if (!form.isFieldTouched('title') || !form.getFieldValue('title')) {
      const typed = form.getFieldValue('date') as string | null;
      const d = isIsoDate(typed) ? typed : clock.today;
      form.setFieldValue('title', `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月${chosen.name}`);
    }
  }

  async function submit() {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return;
    }
    setSaving(true);
    setSaveError(null);
    const fields = {
      title: values.title.trim(),
      date: values.date!,
      startTime: values.startTime ?? null,
      endTime: values.endTime ?? null,
      place: values.place ?? '',
      chairName: values.chairName ?? '',
      recorderName: values.recorderName ?? '',
      basis: values.basis!,
      bodyId: values.basis === 'body' ? (values.bodyId ?? null) : null,
      groupName: values.groupName?.trim() ? values.groupName.trim() : null,
    };
    try {
      const saved = meeting
        ? await call('meetings.update', { id: meeting.id, ...fields })
        : await call('meetings.create', { orgId, meetingTypeId: values.meetingTypeId!, ...fields });
      onSaved(saved);
    } catch (e) {
      setSaveError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  // A 村民小组会议 counts one group only: it must name the group, one of those on the roster.
  const groupMeeting = Boolean(version?.definition.meetingKind.includes('小组会议'));
  const showGroup = groupMeeting || Boolean(meeting?.groupName);

  return (
    <Modal
      title={editing ? '修改会议信息' : '新建会议'}
      open
      {...discard}
      onOk={submit}
      okText={editing ? '保存' : '新建会议'}
      cancelText="取消"
      okButtonProps={{ disabled: !types }}
      confirmLoading={saving}
      destroyOnHidden
      mask={{ closable: false }}
      width={720}
    >
      {loadError && <Alert type="error" showIcon title={`会议类型没有读出来：${loadError}`} style={{ marginBottom: 16 }} />}
      <Spin spinning={!types && !loadError}>
        <Form form={form} layout="horizontal" labelCol={{ span: 5 }} initialValues={initialValues}>
          <Form.Item
            name="meetingTypeId"
            label="会议类型"
            rules={[{ required: true, message: '请选择会议类型' }]}
            extra={
              version ? (
                <Space orientation="vertical" size={0}>
                  <Typography.Text>{ruleSummary(version)}</Typography.Text>
                  <Typography.Text type="secondary">{lawNote(version)}</Typography.Text>
                </Space>
              ) : type && isoDay ? (
                <Typography.Text type="danger">
                  “{type.name}”在 {isoDay} 没有适用的规则，请换一个日期或会议类型
                </Typography.Text>
              ) : undefined
            }
          >
            <Select
              disabled={editing}
              placeholder={`请选择或输入查找，例如：${words.representatives}`}
              showSearch={{ optionFilterProp: 'label' }}
              notFoundContent="没有这个会议类型：本单位只能使用列出的类型，或在“会议类型”中复制为本地类型"
              onChange={onTypeChosen}
              options={[
                ...(types ?? []).map((t) => {
                  const v = isoDay ? versionInForce(t.versions, isoDay) : null;
                  return { value: t.id, label: t.name, summary: v ? ruleSummary(v) : '该日期没有适用的规则' };
                }),
                // An existing meeting keeps its type even where the organization would no longer be offered it.
                ...(meeting && types && !types.some((t) => t.id === meeting.meetingTypeId)
                  ? [{ value: meeting.meetingTypeId, label: meeting.typeName, summary: '' }]
                  : []),
              ]}
              optionRender={(option) => (
                <div className="type-option">
                  <div>{option.data.label}</div>
                  <div className="option-note">{option.data.summary}</div>
                </div>
              )}
            />
          </Form.Item>
          <Form.Item name="title" label="会议名称" rules={[{ required: true, whitespace: true, message: '请填写会议名称' }]}>
            <Input maxLength={100} placeholder={`例如：2026年第一季度${words.representatives}`} />
          </Form.Item>
          <Form.Item name="date" label="日期" rules={[dateRule('请填写会议日期')]} extra={started ? '会议已经开始，日期不能再修改' : undefined}>
            <DateField disabled={started} aria-label="会议日期" />
          </Form.Item>
          <Form.Item label="时间">
            <Space align="start">
              <Form.Item name="startTime" noStyle rules={[timeRule()]}>
                <TimeField placeholder="开始，如 09:00" aria-label="开始时间" style={{ width: 170 }} />
              </Form.Item>
              <span style={{ lineHeight: '32px' }}>至</span>
              <Form.Item name="endTime" noStyle rules={[timeRule()]}>
                <TimeField placeholder="结束，如 11:30" aria-label="结束时间" style={{ width: 170 }} />
              </Form.Item>
            </Space>
          </Form.Item>
          <Form.Item name="place" label="地点">
            <Input maxLength={100} placeholder="例如：村委会二楼会议室" />
          </Form.Item>
          <Form.Item name="chairName" label="主持人">
            <Input maxLength={30} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item name="recorderName" label="记录人">
            <Input maxLength={30} style={{ width: 240 }} />
          </Form.Item>
          <Form.Item
            name="basis"
            label="应到人员"
            rules={[{ required: true, message: '请选择应到人员的计算方式' }]}
            extra={started ? '会议已经开始，应到人员已确定' : bases.length > 1 ? '法律允许两种计算方式，请选择本次会议采用的一种' : undefined}
          >
            <Radio.Group disabled={started || bases.length === 0}>
              <Space orientation="vertical">
                {bases.map((b) => (
                  <Radio key={b.basis} value={b.basis}>
                    {basisWords(b.basis, orgKind)}
                    <Typography.Text type="secondary">（{quorumWords(b.quorum)}）</Typography.Text>
                  </Radio>
                ))}
                {bases.length === 0 && <Typography.Text type="secondary">先选择会议类型和日期</Typography.Text>}
              </Space>
            </Radio.Group>
          </Form.Item>
          {basis === 'body' && (
            <Form.Item
              name="bodyId"
              label="机构"
              rules={[{ required: true, message: '请选择参会的机构' }]}
              extra={bodies.length === 0 ? '还没有机构：请先在“机构与成员”中新建机构并添加成员，再回来新建会议' : '应到人员就是该机构在会议当天的在任成员'}
            >
              <Select
                disabled={started}
                placeholder={`请选择，例如：第三届${words.representatives}`}
                options={bodies.map((b) => ({ value: b.id, label: `${b.name}（${b.kind}，${b.memberCount} 人）` }))}
              />
            </Form.Item>
          )}
          {showGroup && (
            <Form.Item
              name="groupName"
              label="村民小组"
              rules={groupMeeting ? [{ required: true, whitespace: true, message: '请选择是哪个村民小组：应到人员只计算本小组的人员' }] : []}
              extra={
                started
                  ? '会议已经开始，应到人员已确定'
                  : groups.length === 0
                    ? '名册中还没有填写小组的人员：请先在人员名册中为本组人员填写“小组”'
                    : '应到人员只计算本小组的人员（括号内为名册中的在册人数）'
              }
            >
              <Select
                aria-label="村民小组"
                placeholder="请选择，例如：第三村民小组"
                style={{ width: 320 }}
                disabled={started}
                showSearch
                options={groups.map((g) => ({ value: g.name, label: `${g.name}（${g.count} 人）` }))}
              />
            </Form.Item>
          )}
        </Form>
      </Spin>
      {saveError && <Alert type="error" showIcon title={saveError} />}
    </Modal>
  );
}
