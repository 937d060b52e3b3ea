import { useEffect, useMemo, useRef, useState } from 'react';
import { Alert, AutoComplete, Form, Input, InputNumber, Modal, Radio, Select, Typography } from 'antd';
import type { Notice } from '../../../core/contract/notices';
import type { Resolution } from '../../../core/contract/votes';
import { addDays } from '../../../core/dates';
import { noticeKinds, type NoticeKind } from '../../../core/followup/data';
import { call, errorMessage } from '../api/client';
import { useCurrentOrg } from '../org/OrgContext';
import { showDate } from './labels';
import { isIsoDate } from '../../../core/date-input';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import { orgWording } from '../../../core/documents/wording';

export interface NoticePreset {
  kind?: NoticeKind;
  resolutionId?: number;
  matterId?: number;
  /** Shown above the form, e.g. the 四议两公开 matter the notice belongs to. */
  note?: string;
  content?: string;
}

interface Props {
  orgId: number;
  preset?: NoticePreset;
  onClose(): void;
  onCreated(notice: Notice): void;
}

/** Where notices are posted, in the organization's words. */
const placeOptions = (orgKind: string) => {
  const w = orgWording(orgKind);
  return (w.place === '村' ? [w.noticeBoard, '村委会门口', `${w.resident}微信群`] : [w.noticeBoard, '社区公告栏', '小区公告栏', `${w.resident}微信群`]).map(
    (value) => ({ value }),
  );
};

function suggestedTitle(kind: NoticeKind, r: Resolution | undefined): string {
  if (!r) return '';
  if (kind === '决议公开') return `关于${r.title}的决议公示`;
  if (kind === '实施结果公开') return `${r.title}实施结果公示`;
  return `关于${r.title}的公示`;
}

/** 新建公示: kind, the resolution it publishes, title, when and where posted, and for how many days. */
export function NoticeFormModal({ orgId, preset, onClose, onCreated }: Props) {
  const discard = useConfirmDiscard(onClose);
  const org = useCurrentOrg();
  const [kind, setKind] = useState<NoticeKind>(preset?.kind ?? '决议公开');
  const [resolutionId, setResolutionId] = useState<number | undefined>(preset?.resolutionId);
  const [resolutions, setResolutions] = useState<Resolution[]>([]);
  const [title, setTitle] = useState('');
  const [titleTouched, setTitleTouched] = useState(false);
  const [content, setContent] = useState(preset?.content ?? '');
  const clock = useClock();
  const [postedOn, setPostedOn] = useState<string | null>(clock.today);
  const [days, setDays] = useState<number | null>(null);
  const daysTouched = useRef(false);
  const [minimum, setMinimum] = useState<{ days: number; basis: string } | null>(null);
  const [place, setPlace] = useState(orgWording(org.kind).noticeBoard);
  const [postedBy, setPostedBy] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    call('resolutions.list', { orgId })
      .then((r) => setResolutions(r.items))
      .catch((e: unknown) => setError(errorMessage(e)));
  }, [orgId]);

  const resolution = useMemo(() => resolutions.find((r) => r.id === resolutionId), [resolutions, resolutionId]);
  const shownTitle = titleTouched ? title : suggestedTitle(kind, resolution);

  useEffect(() => {
    let live = true;
    call('notices.minimumDays', { orgId, ...(resolutionId ? { resolutionId } : {}), ...(preset?.matterId ? { matterId: preset.matterId } : {}) })
      .then((m) => {
        if (!live) return;
        setMinimum(m);
        if (!daysTouched.current) setDays(m.days);
      })
      .catch(() => live && setMinimum(null));
    return () => {
      live = false;
    };
  }, [orgId, resolutionId, preset?.matterId]);

  async function save() {
    setError(null);
    if (kind !== '其他' && !resolutionId && !preset?.matterId) return setError(`请选择要${kind}的决议`);
    if (!shownTitle.trim()) return setError('请填写公示标题');
    const postedOnProblem = dateCheck(postedOn, '请填写张贴日期');
    if (postedOnProblem || !postedOn) return setError(postedOnProblem);
    if (days == null) return setError('请填写公示天数');
    if (!place.trim()) return setError(`请填写张贴地点，例如“${orgWording(org.kind).noticeBoard}”`);
    setSaving(true);
    try {
      const created = await call('notices.create', {
        orgId,
        kind,
        ...(resolutionId ? { resolutionId } : {}),
        ...(preset?.matterId ? { matterId: preset.matterId } : {}),
        title: shownTitle.trim(),
        ...(content.trim() ? { content: content.trim() } : {}),
        postedOn: postedOn,
        periodDays: days,
        place: place.trim(),
        ...(postedBy.trim() ? { postedBy: postedBy.trim() } : {}),
      });
      onCreated(created);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const endsOn = isIsoDate(postedOn) && days ? addDays(postedOn, days - 1) : null;

  return (
    <Modal open title="新建公示" okText="登记公示" cancelText="取消" confirmLoading={saving} onOk={() => void save()} {...discard} destroyOnHidden width={640}>
      {preset?.note && <Alert type="info" showIcon title={preset.note} style={{ marginBottom: 16 }} />}
      <Form layout="vertical">
        <Form.Item label="公示类别">
          <Radio.Group
            aria-label="公示类别"
            optionType="button"
            value={kind}
            onChange={(e) => setKind(e.target.value as NoticeKind)}
            options={noticeKinds.map((k) => ({ value: k, label: k }))}
          />
        </Form.Item>
        <Form.Item label={kind === '其他' ? '所公开的决议（可不选）' : '所公开的决议'}>
          <Select<number>
            aria-label="所公开的决议"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={preset?.matterId ? '四议两公开事项可不选' : '请选择决议'}
            value={resolutionId}
            onChange={(v) => setResolutionId(v)}
            options={resolutions.map((r) => ({ value: r.id, label: `${r.number} ${r.title}` }))}
            notFoundContent="还没有决议"
          />
        </Form.Item>
        <Form.Item label="公示标题">
          <Input
            aria-label="公示标题"
            value={shownTitle}
            maxLength={100}
            placeholder="例如：关于村道硬化的决议公示"
            onChange={(e) => {
              setTitle(e.target.value);
              setTitleTouched(true);
            }}
          />
        </Form.Item>
        <Form.Item
          label={resolutionId ? '公示内容（可不填）' : '公示内容'}
          extra={resolutionId ? '留作记录。导出的 Word 公示按所选决议的内容和落实情况自动生成。' : '导出的 Word 公示按这里的文字印出，每段一行。'}
        >
          <Input.TextArea
            aria-label="公示内容"
            value={content}
            maxLength={20000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setContent(e.target.value)}
          />
        </Form.Item>
        <div className="followup-row">
          <Form.Item label="张贴日期">
            <DateField aria-label="张贴日期" value={postedOn} allowClear={false} onChange={setPostedOn} style={{ width: 170 }} />
          </Form.Item>
          <Form.Item label="公示天数">
            <InputNumber<number>
              aria-label="公示天数"
              value={days}
              min={1}
              max={365}
              precision={0}
              suffix="天"
              onChange={(v) => {
                setDays(v);
                daysTouched.current = true;
                setError(null);
              }}
              style={{ width: 130 }}
            />
          </Form.Item>
          <Form.Item label="张贴地点" style={{ flex: 1 }}>
            <AutoComplete aria-label="张贴地点" value={place} options={placeOptions(org.kind)} onChange={setPlace} />
          </Form.Item>
        </div>
        {minimum && (
          <Typography.Paragraph type={days != null && days < minimum.days ? 'danger' : 'secondary'} style={{ marginTop: -8 }}>
            至少 {minimum.days} 天：{minimum.basis}。
          </Typography.Paragraph>
        )}
        {endsOn && postedOn && (
          <Typography.Paragraph>
            公示期：{showDate(postedOn)}至{showDate(endsOn)}，共 {days} 天（张贴当天算第 1 天）。
          </Typography.Paragraph>
        )}
        <Form.Item label="张贴人（可不填）" extra="实际把公示贴出去的人；不填则记为当前登录的人。张贴照片可在列表的“张贴记录”里上传。">
          <Input
            aria-label="张贴人"
            value={postedBy}
            maxLength={50}
            placeholder="例如：网格员 张三"
            onChange={(e) => setPostedBy(e.target.value)}
            style={{ width: 240 }}
          />
        </Form.Item>
      </Form>
      {error && <Alert type="error" showIcon title={error} />}
    </Modal>
  );
}
