import { useCallback, useState } from 'react';
import { App, Button, Input, Modal, Popconfirm, Space, Typography } from 'antd';
import { CheckOutlined, FlagOutlined, LockOutlined, NotificationOutlined, PlayCircleOutlined, RedoOutlined } from '@ant-design/icons';
import type { Meeting } from '../../../core/contract/meetings';
import { call, errorMessage } from '../api/client';
import { useReportError } from '../app/useReportError';
import { NoticeModal } from './NoticeModal';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

interface Props {
  meeting: Meeting;
  onChanged(meeting: Meeting): void;
}

/** The buttons that move a meeting along 草稿 → 已通知 → 进行中 → 已结束 → 已定稿. */
export function LifecycleActions({ meeting, onChanged }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const discardReopen = useConfirmDiscard(useCallback(() => setReopenOpen(false), []));
  const [noticeOpen, setNoticeOpen] = useState(false);
  const [reopenOpen, setReopenOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [reopenError, setReopenError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const s = meeting.status;
  // People without a birth date are left out of 应到: starting anyway is confirmed in so many words.
  const undated = meeting.expectedManual == null ? meeting.undated.length : 0;

  async function run(action: () => Promise<Meeting>, done: string, failed: string) {
    setBusy(true);
    try {
      const m = await action();
      onChanged(m);
      message.success(done);
    } catch (e) {
      reportError(e, failed);
    } finally {
      setBusy(false);
    }
  }

  async function reopen() {
    if (!reason.trim()) {
      setReopenError('请写明重新开始的原因，例如：遗漏了一项表决');
      return;
    }
    setBusy(true);
    try {
      const m = await call('meetings.reopen', { id: meeting.id, reason: reason.trim() });
      onChanged(m);
      setReopenOpen(false);
      message.success('会议已重新开始');
    } catch (e) {
      setReopenError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Space wrap>
      {(s === '草稿' || s === '已通知') && (
        <Button icon={<NotificationOutlined />} onClick={() => setNoticeOpen(true)}>
          {s === '已通知' ? '修改通知' : '登记通知'}
        </Button>
      )}
      {(s === '草稿' || s === '已通知') && (
        <Popconfirm
          title="现在开始会议？"
          description={
            <div style={{ maxWidth: 420 }}>
              开始后应到人数确定为 {meeting.quorum.expected} 人，不能再修改日期和参会范围。
              {undated > 0 && (
                <Typography.Paragraph type="danger" style={{ margin: '8px 0 0' }}>
                  还有 {undated} 人没有出生日期，不计入应到。确认不计入他们、现在开始会议吗？
                </Typography.Paragraph>
              )}
            </div>
          }
          okText={undated > 0 ? '确认不计入，开始会议' : '开始会议'}
          cancelText="取消"
          onConfirm={() =>
            run(() => call('meetings.start', { id: meeting.id, ...(undated > 0 ? { acknowledgeUndated: true } : {}) }), '会议已开始', '会议没有开始')
          }
        >
          <Button type="primary" icon={<PlayCircleOutlined />} loading={busy}>
            开始会议
          </Button>
        </Popconfirm>
      )}
      {s === '进行中' && (
        <Popconfirm
          title="结束会议？"
          description="结束后不能再签到；如有遗漏，可以“重新开始”。"
          okText="结束会议"
          cancelText="取消"
          onConfirm={() => run(() => call('meetings.end', { id: meeting.id }), '会议已结束', '会议没有结束')}
        >
          <Button type="primary" icon={<FlagOutlined />} loading={busy}>
            结束会议
          </Button>
        </Popconfirm>
      )}
      {s === '已结束' && (
        <Button
          icon={<RedoOutlined />}
          onClick={() => {
            setReason('');
            setReopenError(null);
            setReopenOpen(true);
          }}
        >
          重新开始
        </Button>
      )}
      {s === '已结束' && (
        <Popconfirm
          title="定稿后，本会议的议程、签到、记录和表决都不能再修改。确定定稿？"
          description="如以后发现错误，只能在“纪要”中添加更正记录。"
          okText="确定定稿"
          cancelText="再检查一下"
          onConfirm={() => run(() => call('meetings.finalize', { id: meeting.id }), '会议已定稿', '会议没有定稿')}
        >
          <Button type="primary" icon={<LockOutlined />} loading={busy}>
            定稿
          </Button>
        </Popconfirm>
      )}
      {s === '已定稿' && (
        <Typography.Text type="secondary">
          <CheckOutlined /> 已定稿
        </Typography.Text>
      )}
      {noticeOpen && (
        <NoticeModal
          meeting={meeting}
          onClose={() => setNoticeOpen(false)}
          onSaved={(m) => {
            setNoticeOpen(false);
            onChanged(m);
            message.success(`已登记通知日期 ${m.noticeDate}`);
          }}
        />
      )}
      {reopenOpen && (
        <Modal
          title="重新开始会议"
          open
          okText="重新开始"
          cancelText="取消"
          confirmLoading={busy}
          {...discardReopen}
          onOk={() => void reopen()}
          destroyOnHidden
        >
          <Typography.Paragraph>重新开始的原因会记入操作记录。</Typography.Paragraph>
          <Input.TextArea
            aria-label="重新开始的原因"
            rows={3}
            maxLength={200}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            placeholder="例如：遗漏了一项表决"
            autoFocus
          />
          {reopenError && (
            <Typography.Paragraph type="danger" style={{ marginTop: 8 }}>
              {reopenError}
            </Typography.Paragraph>
          )}
        </Modal>
      )}
    </Space>
  );
}
