import { useCallback, useState } from 'react';
import { Alert, App, Button, Card, Input, Modal, Popconfirm, Space, Steps, Tag, Tooltip, Typography } from 'antd';
import { CheckCircleOutlined, EditOutlined, QuestionCircleOutlined, RollbackOutlined, SendOutlined } from '@ant-design/icons';
import type { CallOutput } from '../../../core/contract/index';
import type { Meeting } from '../../../core/contract/meetings';
import { call, errorMessage } from '../api/client';
import { useReportError } from '../app/useReportError';
import { chineseDateTime } from '../../../core/dates';
import { useClock } from '../app/useClock';
import { useConfirmDiscard } from '../app/useConfirmDiscard';

export type MinutesReview = CallOutput<'minutes.status'>;

const STEP: Record<MinutesReview['status'], number> = { 草稿: 0, 待审核: 1, 已定稿: 2 };
const STATUS_COLOR: Record<MinutesReview['status'], string> = { 草稿: 'default', 待审核: 'orange', 已定稿: 'purple' };

/** Why the minutes cannot go to the chair yet, in words the secretary can act on. */
function notEndedReason(meeting: Meeting): string | null {
  switch (meeting.status) {
    case '已结束':
      return null;
    case '进行中':
      return '会议还在进行中。请先点页面上方的“结束会议”，再把会议记录送主持人审核。';
    case '已定稿':
      return '会议已定稿，不需要再送审核。';
    default:
      return '会议还没有开始。开完会、点页面上方的“结束会议”以后，才能把会议记录送主持人审核。';
  }
}

interface Props {
  meeting: Meeting;
  review: MinutesReview;
  /** The server's new state after an action. */
  onReview(next: MinutesReview): void;
}

type TextDialog = 'return' | 'addendum' | null;

/** 审核与定稿: 草稿 → 待审核 → 已定稿, and 更正记录 after that. */
export function ReviewPanel({ meeting, review, onReview }: Props) {
  const { message } = App.useApp();
  const reportError = useReportError();
  const { timeZone } = useClock();
  const discardDialog = useConfirmDiscard(useCallback(() => setDialog(null), []));
  const [busy, setBusy] = useState(false);
  const [dialog, setDialog] = useState<TextDialog>(null);
  const [text, setText] = useState('');
  const [dialogError, setDialogError] = useState<string | null>(null);

  const chair = meeting.chairName?.trim() || review.reviewer?.trim() || '';
  const chairWords = chair ? `主持人（${chair}）` : '主持人';

  async function act(action: () => Promise<MinutesReview>, done: string, failed: string) {
    setBusy(true);
    try {
      onReview(await action());
      message.success(done);
    } catch (e) {
      reportError(e, failed);
    } finally {
      setBusy(false);
    }
  }

  function openDialog(kind: Exclude<TextDialog, null>) {
    setText('');
    setDialogError(null);
    setDialog(kind);
  }

  async function saveDialog() {
    const value = text.trim();
    if (!value) {
      setDialogError(dialog === 'return' ? '请写明要修改什么，例如：请补充张三的发言' : '请写明更正的内容，例如：第一项议题中“1.2公里”应为“1.3公里”');
      return;
    }
    setBusy(true);
    try {
      if (dialog === 'return') {
        onReview(await call('minutes.return', { meetingId: meeting.id, note: value }));
        message.success('已退回修改，意见显示在“审核与定稿”里');
      } else {
        onReview(await call('minutes.addAddendum', { meetingId: meeting.id, text: value }));
        message.success('已添加更正记录，附在会议记录末尾');
      }
      setDialog(null);
    } catch (e) {
      setDialogError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const reason = notEndedReason(meeting);

  return (
    <Card title="审核与定稿" className="minutes-review">
      <Steps
        size="small"
        current={STEP[review.status]}
        status={review.status === '已定稿' ? 'finish' : 'process'}
        style={{ marginBottom: 16 }}
        items={[{ title: '整理记录' }, { title: '主持人审核' }, { title: '定稿' }]}
      />
      <div className="minutes-status-line">
        <span>会议记录状态：</span>
        <Tag color={STATUS_COLOR[review.status]} style={{ fontSize: 16, padding: '2px 10px' }} data-testid="minutes-status">
          {review.status}
        </Tag>
      </div>

      {review.status === '草稿' && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          {review.returnedNote && (
            <Alert
              type="warning"
              showIcon
              title="主持人退回修改"
              description={
                <>
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 4 }}>{review.returnedNote}</Typography.Paragraph>
                  <Typography.Text type="secondary">请在“记录”“表决”等页按意见修改，核对下面的预览后再送主持人审核。</Typography.Text>
                </>
              }
            />
          )}
          {reason ? <Alert type="info" showIcon title={reason} /> : <Typography.Text>请对照下面的预览核对会议记录，无误后送{chairWords}审核。</Typography.Text>}
          <Button
            type="primary"
            size="large"
            icon={<SendOutlined />}
            loading={busy}
            disabled={reason != null}
            onClick={() => void act(() => call('minutes.submit', { meetingId: meeting.id }), `已送${chairWords}审核`, '会议记录没有送审')}
          >
            送主持人审核
          </Button>
        </Space>
      )}

      {review.status === '待审核' && (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Text>
            {review.submittedAt ? `${chineseDateTime(timeZone, review.submittedAt)} 已送` : '已送'}
            {review.reviewer ? `主持人（${review.reviewer}）` : '主持人'}审核。请主持人核对下面的预览：无误就定稿，有问题就退回修改。
          </Typography.Text>
          <Space wrap>
            <Popconfirm
              title="审核通过并定稿？"
              description={
                <div style={{ maxWidth: 360 }}>
                  定稿后，这次会议的议程、签到、发言和表决都<b>不能再修改</b>。以后发现错误，只能添加“更正记录”，附在会议记录后面。
                </div>
              }
              okText="确定定稿"
              cancelText="再检查一下"
              onConfirm={() => act(() => call('minutes.approve', { meetingId: meeting.id }), '会议记录已定稿，会议内容已锁定', '会议记录没有定稿')}
            >
              <Button type="primary" size="large" icon={<CheckCircleOutlined />} loading={busy}>
                审核通过并定稿
              </Button>
            </Popconfirm>
            <Button size="large" icon={<RollbackOutlined />} disabled={busy} onClick={() => openDialog('return')}>
              退回修改
            </Button>
          </Space>
        </Space>
      )}

      {review.status === '已定稿' && (
        <Space orientation="vertical" size={8} style={{ width: '100%' }}>
          <Typography.Text>
            定稿时间：
            {review.approvedAt
              ? chineseDateTime(timeZone, review.approvedAt)
              : meeting.finalizedAt
                ? chineseDateTime(timeZone, meeting.finalizedAt)
                : '（未记录）'}
            {review.approvedBy ? `，定稿人：${review.approvedBy}` : ''}
          </Typography.Text>
          <div>
            <span>文件校验码：</span>
            {review.fileHash ? (
              <Typography.Text className="minutes-hash" copyable={{ text: review.fileHash, tooltips: ['复制完整校验码', '已复制'] }}>
                {review.fileHash.slice(0, 12)}…
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">没有保存（会议在启用审核定稿之前就已定稿）</Typography.Text>
            )}
            <Tooltip title="这是定稿时会议记录 Word 文件的“指纹”（SHA-256）。以后可以用它核对一份文件是否与定稿时完全一致。">
              <QuestionCircleOutlined style={{ marginLeft: 8, color: '#8c8c8c' }} aria-label="什么是文件校验码" />
            </Tooltip>
          </div>
          <Typography.Text type="secondary">
            会议内容已锁定，不能再修改。发现错误时，请添加更正记录，它会作为附件印在会议记录后面。
            {review.addenda.length > 0 ? `现有 ${review.addenda.length} 条更正记录。` : ''}
          </Typography.Text>
          <div>
            <Button size="large" icon={<EditOutlined />} onClick={() => openDialog('addendum')}>
              添加更正记录
            </Button>
          </div>
        </Space>
      )}

      {dialog && (
        <Modal
          open
          title={dialog === 'return' ? '退回修改' : '添加更正记录'}
          okText={dialog === 'return' ? '退回修改' : '添加'}
          cancelText="取消"
          confirmLoading={busy}
          onOk={() => void saveDialog()}
          {...discardDialog}
          destroyOnHidden
        >
          <Typography.Paragraph>
            {dialog === 'return'
              ? '请写明需要修改的地方。会议记录回到“草稿”，改好后再送主持人审核。'
              : '会议已定稿，原记录不能修改。请写明更正的内容，它会带着今天的日期和您的名字，印在会议记录后面的“更正记录”里，添加后不能删除。'}
          </Typography.Paragraph>
          <Input.TextArea
            aria-label={dialog === 'return' ? '退回意见' : '更正内容'}
            rows={5}
            maxLength={dialog === 'return' ? 500 : 5000}
            showCount
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setDialogError(null);
            }}
            placeholder={dialog === 'return' ? '例如：请补充张三的发言' : '例如：第一项议题中“1.2公里”应为“1.3公里”。'}
            autoFocus
          />
          {dialogError && <Alert type="error" showIcon title={dialogError} style={{ marginTop: 12 }} />}
        </Modal>
      )}
    </Card>
  );
}
