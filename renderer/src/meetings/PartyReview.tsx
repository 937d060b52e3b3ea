import { useState } from 'react';
import { Alert, App, Button, Modal, Radio, Space, Spin, Typography } from 'antd';
import type { AgendaItem } from '../../../core/contract/agenda';
import type { CallOutput } from '../../../core/contract/index';
import { call, errorMessage } from '../api/client';
import { useCall } from '../api/queries';
import { useReportError } from '../app/useReportError';

type Candidate = CallOutput<'agenda.partyReviewCandidates'>['items'][number];

interface Props {
  item: AgendaItem;
  readOnly: boolean;
  onChanged(item: AgendaItem): void;
}

/** For a flagged item: the earlier Party discussion it rests on, or a warning that none is linked. */
export function PartyReview({ item, readOnly, onChanged }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const [choosing, setChoosing] = useState(false);
  if (!item.needsPartyReview) return null;
  const r = item.partyReview;

  async function unlink() {
    try {
      onChanged(await call('agenda.linkPartyReview', { id: item.id, reviewItemId: null }));
      message.success('已取消关联');
    } catch (e) {
      reportError(e, '没有取消关联');
    }
  }

  return (
    <div className="party-review">
      {r ? (
        <Space wrap size={4}>
          <Typography.Text type="success">
            前置讨论：已记录（{r.meetingTitle} {r.meetingDate}，议题“{r.itemTitle}”）
            {r.matter ? `；四议两公开“${r.matter.title}”已完成${r.matter.steps.map((s) => s.name).join('、')}` : ''}
          </Typography.Text>
          {!readOnly && (
            <>
              <Button size="small" type="link" onClick={() => setChoosing(true)}>
                更换
              </Button>
              <Button size="small" type="link" onClick={() => void unlink()}>
                取消关联
              </Button>
            </>
          )}
        </Space>
      ) : (
        <Alert
          type="warning"
          showIcon
          title="尚未关联党组织前置讨论"
          action={
            !readOnly && (
              <Button size="small" onClick={() => setChoosing(true)} aria-label={`关联前置讨论：${item.title}`}>
                关联
              </Button>
            )
          }
        />
      )}
      {choosing && (
        <ChooseReview
          item={item}
          onClose={() => setChoosing(false)}
          onLinked={(updated) => {
            setChoosing(false);
            onChanged(updated);
            message.success('已关联党组织前置讨论');
          }}
        />
      )}
    </div>
  );
}

function ChooseReview({ item, onClose, onLinked }: { item: AgendaItem; onClose(): void; onLinked(item: AgendaItem): void }) {
  const list = useCall('agenda.partyReviewCandidates', { meetingId: item.meetingId });
  const candidates: Candidate[] | null = list.data?.items ?? null;
  const [chosen, setChosen] = useState<number | undefined>(item.partyReview?.itemId);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function submit() {
    if (!chosen) {
      setError('请选择一项党组织讨论过的议题');
      return;
    }
    setSaving(true);
    try {
      onLinked(await call('agenda.linkPartyReview', { id: item.id, reviewItemId: chosen }));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      title={`关联党组织前置讨论：${item.title}`}
      open
      onCancel={onClose}
      onOk={submit}
      okText="关联"
      cancelText="取消"
      okButtonProps={{ disabled: !candidates || candidates.length === 0 }}
      confirmLoading={saving}
      destroyOnHidden
      width={640}
    >
      <Spin spinning={!candidates && !error && !list.error}>
        {candidates && candidates.length === 0 && (
          <Typography.Paragraph>
            没有找到本会议日期之前召开的党员大会或两委联席会议的议题。请先在议事厅中建立那次会议（例如两委联席会议）并记录议题，再回来关联。
          </Typography.Paragraph>
        )}
        {candidates && candidates.length > 0 && (
          <Radio.Group value={chosen} onChange={(e) => setChosen(e.target.value as number)}>
            <Space orientation="vertical">
              {candidates.map((c) => (
                <Radio key={c.itemId} value={c.itemId}>
                  {c.meetingDate} {c.meetingTitle}（{c.typeName}）：{c.itemTitle}
                  {c.matterTitle ? `（四议两公开事项“${c.matterTitle}”）` : ''}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        )}
      </Spin>
      {(error ?? list.error) && <Alert type="error" showIcon title={error ?? list.error} style={{ marginTop: 16 }} />}
    </Modal>
  );
}
