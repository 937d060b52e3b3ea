import { useMemo, useRef, useState } from 'react';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Modal, Select, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { MatterDetail } from '../../../core/contract/matters';
import type { MeetingSummary } from '../../../core/contract/meetings';
import type { Proposal, Vote } from '../../../core/contract/votes';
import { matterStepsFor } from '../../../core/followup/data';
import { call, errorMessage } from '../api/client';
import { EMPTY, skipToken, useCall } from '../api/queries';
import { MAX_PAGE_SIZE } from '../../../core/contract/paging';
import { voteSubject } from '../votes/labels';
import { showDate } from './labels';
import { DateField } from '../app/DateField';
import { dateCheck } from '../app/dateRules';
import { NoticeFormModal } from './NoticeFormModal';
import { useConfirmDiscard } from '../app/useConfirmDiscard';
import { useCurrentOrg } from '../org/OrgContext';

interface Props {
  matter: MatterDetail;
  step: number;
  onClose(): void;
  onSaved(matter: MatterDetail): void;
}

/** 登记第N步: a meeting step (date, meeting, vote for step 4, attendance, content) or a notice step. */
export function StepFormModal({ matter, step, onClose, onSaved }: Props) {
  const discard = useConfirmDiscard(onClose);
  // The steps in the organization's own words: a 社区's step 4 is 居民会议或居民代表会议决议.
  const def = matterStepsFor(useCurrentOrg().kind).find((s) => s.step === step)!;
  const isMeeting = def.form === '会议';
  const mayMerge = def.mayMergeWithPrevious && matter.bothPostsOnePerson;
  const [merged, setMerged] = useState(false);
  const [date, setDate] = useState<string | null>(null);
  const [meetingId, setMeetingId] = useState<number | undefined>();
  const [votes, setVotes] = useState<{ items: Vote[]; proposals: Proposal[] }>({ items: [], proposals: [] });
  const [voteId, setVoteId] = useState<number | undefined>();
  const [noticeId, setNoticeId] = useState<number | undefined>();
  const [creatingNotice, setCreatingNotice] = useState(false);
  const [expected, setExpected] = useState<number | null>(null);
  const [present, setPresent] = useState<number | null>(null);
  const counted = useRef(false);
  const [content, setContent] = useState('');
  const [township, setTownship] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const noticeKind = def.noticeKind;
  const noticeList = useCall('notices.list', noticeKind ? { orgId: matter.orgId, filter: 'all', pageSize: MAX_PAGE_SIZE } : skipToken);
  const notices = useMemo(() => (noticeList.data?.items ?? []).filter((n) => n.kind === noticeKind), [noticeList.data, noticeKind]);
  const meetingList = useCall('meetings.list', noticeKind ? skipToken : { orgId: matter.orgId, pageSize: MAX_PAGE_SIZE });
  const allMeetings: MeetingSummary[] = meetingList.data?.items ?? EMPTY;
  // Only meetings of the kinds the law names for this step (step 2: 两委联席会议; step 4: 村民会议 or
  // 村民代表会议). A meeting whose type is no longer listed is kept: the server still judges it.
  const typeList = useCall('meetingTypes.list', noticeKind || !def.meetingKinds ? skipToken : { orgId: matter.orgId });
  const meetings = useMemo(() => {
    const kinds = def.meetingKinds;
    if (!kinds || !typeList.data) return allMeetings;
    const kindOf = new Map(typeList.data.items.map((t) => [t.id, new Set(t.versions.map((v) => v.definition.meetingKind))]));
    return allMeetings.filter((m) => {
      const k = kindOf.get(m.meetingTypeId);
      return !k || [...k].some((x) => kinds.includes(x));
    });
  }, [allMeetings, typeList.data, def.meetingKinds]);
  const loadError = noticeList.error ?? meetingList.error ?? typeList.error;

  async function chooseMeeting(id: number | undefined) {
    setMeetingId(id);
    setVoteId(undefined);
    setVotes({ items: [], proposals: [] });
    if (!id) return;
    try {
      const [m, v, p] = await Promise.all([
        call('meetings.get', { id }),
        def.needsConfirmedVote ? call('votes.list', { meetingId: id }) : Promise.resolve({ items: [] as Vote[] }),
        def.needsConfirmedVote ? call('proposals.list', { meetingId: id }) : Promise.resolve({ items: [] as Proposal[] }),
      ]);
      setDate(m.date);
      if (!counted.current) {
        setExpected(m.quorum.expected || null);
        setPresent(m.quorum.expected ? m.quorum.present : null);
      }
      const confirmed = v.items.filter((x) => x.status === '已确认');
      setVotes({ items: confirmed, proposals: p.items });
      const passed = confirmed.filter((x) => x.outcome === '通过');
      if (passed.length === 1) setVoteId(passed[0]!.id);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  async function save() {
    setError(null);
    if (isMeeting && !merged && !date && !meetingId) return setError('请填写日期，或选择召开的会议');
    const dateProblem = merged ? null : dateCheck(date);
    if (dateProblem) return setError(dateProblem);
    if (def.needsConfirmedVote && !voteId) return setError('请选择这次会议上已确认的表决');
    if (def.noticeKind && !noticeId) return setError(`请选择一份“${def.noticeKind}”公示；还没有的，先点“新建公示”登记`);
    setSaving(true);
    try {
      const input = {
        matterId: matter.id,
        step,
        ...(merged ? { mergedWithPrevious: true } : {}),
        ...(!merged && date ? { date: date } : {}),
        ...(!merged && meetingId ? { meetingId } : {}),
        ...(voteId ? { voteId } : {}),
        ...(noticeId ? { noticeId } : {}),
        ...(isMeeting && !merged && expected != null ? { expected } : {}),
        ...(isMeeting && !merged && present != null ? { present } : {}),
        ...(content.trim() ? { content: content.trim() } : {}),
        ...(isMeeting && township.trim() ? { townshipOfficials: township.trim() } : {}),
      };
      onSaved(await call('matters.recordStep', input));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const meetingFields = isMeeting && !merged;

  return (
    <Modal
      open
      title={`登记第${step}步：${def.name}`}
      okText="登记"
      cancelText="取消"
      confirmLoading={saving}
      onOk={() => void save()}
      {...discard}
      destroyOnHidden
      width={640}
    >
      <Form layout="vertical">
        {mayMerge && (
          <Form.Item extra="书记、主任“一肩挑”时，“两委”会议商议可以和党组织提议合并召开；日期和到会人数沿用第 1 步的记录。">
            <Checkbox checked={merged} onChange={(e) => setMerged(e.target.checked)}>
              与第一步合并召开
            </Checkbox>
          </Form.Item>
        )}
        {def.mayMergeWithPrevious && !matter.bothPostsOnePerson && (
          <Typography.Paragraph type="secondary">本事项没有登记书记、主任“一肩挑”，第 2 步须单独召开“两委”会议。</Typography.Paragraph>
        )}
        {meetingFields && (
          <>
            <Form.Item
              label={def.needsConfirmedVote ? '召开的会议' : '召开的会议（可不选）'}
              extra={`会议已在“会议”页登记的，选它后日期和到会人数会自动填上。${def.meetingKinds ? `这一步只能是${def.meetingKinds.join('或')}，只列出这类会议。` : ''}`}
            >
              <Select<number>
                aria-label="召开的会议"
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                placeholder="选择会议"
                value={meetingId}
                onChange={(v) => void chooseMeeting(v)}
                options={meetings.map((m) => ({ value: m.id, label: `${showDate(m.date)} ${m.title}` }))}
                notFoundContent="还没有会议"
              />
            </Form.Item>
            {def.needsConfirmedVote && (
              <Form.Item
                label="会议上的表决"
                extra={meetingId && votes.items.length === 0 ? '这次会议还没有已确认的表决，请先在会议的“表决”页确认表决结果。' : undefined}
              >
                <Select<number>
                  aria-label="会议上的表决"
                  placeholder={meetingId ? '选择已确认的表决' : '请先选择会议'}
                  disabled={!meetingId}
                  value={voteId}
                  onChange={setVoteId}
                  options={votes.items.map((v) => ({ value: v.id, label: `${voteSubject(v, votes.proposals)}（${v.outcome ?? '未定'}）` }))}
                />
              </Form.Item>
            )}
            <div className="followup-row">
              <Form.Item label="日期">
                <DateField aria-label="日期" value={date} onChange={setDate} placeholder="如 2026-11-05" style={{ width: 170 }} />
              </Form.Item>
              <Form.Item label="应到人数">
                <InputNumber<number>
                  aria-label="应到人数"
                  value={expected}
                  min={0}
                  precision={0}
                  suffix="人"
                  onChange={(v) => {
                    counted.current = true;
                    setExpected(v);
                  }}
                  style={{ width: 120 }}
                />
              </Form.Item>
              <Form.Item label="实到人数">
                <InputNumber<number>
                  aria-label="实到人数"
                  value={present}
                  min={0}
                  precision={0}
                  suffix="人"
                  onChange={(v) => {
                    counted.current = true;
                    setPresent(v);
                  }}
                  style={{ width: 120 }}
                />
              </Form.Item>
            </div>
          </>
        )}
        {def.noticeKind && (
          <Form.Item label={`“${def.noticeKind}”公示`} extra="日期按公示的张贴日期登记。">
            <div className="followup-row" style={{ flexWrap: 'nowrap' }}>
              <Select<number>
                aria-label="所关联的公示"
                placeholder="选择公示"
                value={noticeId}
                onChange={setNoticeId}
                options={notices.map((n) => ({ value: n.id, label: `${n.title}（${showDate(n.postedOn)}起，共${n.periodDays}天）` }))}
                notFoundContent={`还没有“${def.noticeKind}”公示`}
                style={{ flex: 1 }}
              />
              <Button icon={<PlusOutlined />} onClick={() => setCreatingNotice(true)}>
                新建公示
              </Button>
            </div>
          </Form.Item>
        )}
        <Form.Item label={isMeeting ? '会议内容（可不填）' : '说明（可不填）'}>
          <Input.TextArea
            aria-label={isMeeting ? '会议内容' : '说明'}
            value={content}
            maxLength={5000}
            autoSize={{ minRows: 2, maxRows: 6 }}
            onChange={(e) => setContent(e.target.value)}
          />
        </Form.Item>
        {isMeeting && (
          <Form.Item label="到会的乡镇（街道）干部及职务（可不填）">
            <Input
              aria-label="到会的乡镇（街道）干部及职务"
              value={township}
              maxLength={300}
              placeholder="例如：包村干部 陈明（镇农办主任）"
              onChange={(e) => setTownship(e.target.value)}
            />
          </Form.Item>
        )}
      </Form>
      {(error ?? loadError) && <Alert type="error" showIcon title={error ?? loadError} />}
      {creatingNotice && def.noticeKind && (
        <NoticeFormModal
          orgId={matter.orgId}
          preset={{ kind: def.noticeKind, matterId: matter.id, note: `为四议两公开事项“${matter.title}”登记公示` }}
          onClose={() => setCreatingNotice(false)}
          onCreated={(n) => {
            setCreatingNotice(false);
            // The new notice is read again with the list (every write refreshes what is shown).
            setNoticeId(n.id);
          }}
        />
      )}
    </Modal>
  );
}
