import { useState } from 'react';
import { Alert, App, Button, Checkbox, Modal, Space, Typography } from 'antd';
import type { FollowUpItem } from '../../../core/contract/followup';
import type { AgendaItem } from '../../../core/contract/agenda';
import { call, errorMessage } from '../api/client';
import { EMPTY, useCall } from '../api/queries';
import { DueTag, showDate } from './labels';
import './followup.css';

interface Props {
  meetingId: number;
  onItems(items: AgendaItem[]): void;
}

/**
 * 跟进事项: unfinished resolutions of earlier meetings, offered for this agenda. Nothing is added
 * until the secretary ticks them and presses 列入议程.
 */
export function CarryOverPrompt({ meetingId, onItems }: Props) {
  const { message } = App.useApp();
  const [dismissed, setDismissed] = useState(false);
  const [choosing, setChoosing] = useState(false);
  const [picked, setPicked] = useState<number[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // Every write (an item added to the agenda or removed) reads the candidates again.
  const candidates: FollowUpItem[] = useCall('followUp.carryCandidates', { meetingId }).data?.items ?? EMPTY;

  if (dismissed || candidates.length === 0) return null;

  async function carry() {
    setSaving(true);
    setError(null);
    try {
      const r = await call('followUp.carry', { meetingId, resolutionIds: picked });
      onItems(r.items);
      message.success(`已把 ${picked.length} 项决议列入议程，作为跟进事项`);
      setChoosing(false);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <>
      <Alert
        type="info"
        showIcon
        className="carry-over-alert"
        title={`有 ${candidates.length} 项此前决议尚未完成，是否列入本次议程作为跟进事项？`}
        action={
          <Space>
            <Button
              type="primary"
              size="small"
              onClick={() => {
                setPicked(candidates.map((c) => c.id));
                setError(null);
                setChoosing(true);
              }}
            >
              选择跟进事项
            </Button>
            <Button size="small" onClick={() => setDismissed(true)}>
              暂不列入
            </Button>
          </Space>
        }
      />
      {choosing && (
        <Modal
          open
          title="列入跟进事项"
          okText="列入议程"
          cancelText="取消"
          okButtonProps={{ disabled: picked.length === 0 }}
          confirmLoading={saving}
          onOk={() => void carry()}
          onCancel={() => setChoosing(false)}
          destroyOnHidden
          width={640}
        >
          <Typography.Paragraph>勾选要在本次会议上跟进的决议，每项会作为一个“跟进事项”加到议程末尾。</Typography.Paragraph>
          <Checkbox.Group value={picked} onChange={(v) => setPicked(v as number[])} className="carry-over-list">
            {candidates.map((c) => (
              <Checkbox key={c.id} value={c.id} aria-label={`${c.number} ${c.title}`}>
                <div>
                  <Typography.Text strong>
                    {c.number} {c.title}
                  </Typography.Text>{' '}
                  <DueTag item={c} />
                </div>
                <div className="followup-muted">
                  {[
                    `${c.meetingTitle}（${showDate(c.meetingDate)}）`,
                    c.responsible ? `责任人：${c.responsible}` : '',
                    c.deadline ? `期限：${showDate(c.deadline)}` : '',
                    c.lastPercent != null ? `已完成 ${c.lastPercent}%` : '还没有登记进度',
                  ]
                    .filter(Boolean)
                    .join('；')}
                </div>
              </Checkbox>
            ))}
          </Checkbox.Group>
          {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        </Modal>
      )}
    </>
  );
}
