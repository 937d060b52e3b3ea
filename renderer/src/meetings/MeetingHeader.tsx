import { memo, useState } from 'react';
import { Alert, Button, Descriptions, Space, Typography } from 'antd';
import { ArrowLeftOutlined, DesktopOutlined, DownOutlined, EditOutlined, UpOutlined } from '@ant-design/icons';
import type { Meeting } from '../../../core/contract/meetings';
import { zonedParts } from '../../../core/clock';
import { chineseDate } from '../../../core/dates';
import { useClock } from '../app/useClock';
import { ruleCitation } from '../../../core/rules/citation';
import { basisWords } from '../../../core/documents/wording';
import { useCurrentOrg } from '../org/OrgContext';
import { LifecycleActions } from './LifecycleActions';
import { MeetingStatusTag } from './status';
import { lawVersionLabel } from './ruleWords';

interface Props {
  meeting: Meeting;
  onBack(): void;
  onEdit(): void;
  onProject(): void;
  onChanged(meeting: Meeting): void;
}

/**
 * Title, type, date, place, status, law version, the quorum at a glance and the lifecycle buttons.
 * While the meeting is 进行中 the header is one line (the facts fold away behind 会议详情), so the
 * sign-in list and the vote panel stay on a 1366×768 screen without scrolling.
 */
export const MeetingHeader = memo(function MeetingHeader({ meeting, onBack, onEdit, onProject, onChanged }: Props) {
  const { timeZone } = useClock();
  const orgKind = useCurrentOrg().kind;
  const [showFacts, setShowFacts] = useState(false);
  const m = meeting;
  const locked = m.status === '已定稿';
  const compact = m.status === '进行中';
  const time = [m.startTime, m.endTime].filter(Boolean).join('—');
  return (
    <div className={`meeting-header${compact ? ' meeting-header-compact' : ''}`}>
      {!compact && (
        <Button type="link" icon={<ArrowLeftOutlined />} onClick={onBack} className="back-link">
          返回会议列表
        </Button>
      )}
      <div className="meeting-title-row">
        {compact && <Button type="text" icon={<ArrowLeftOutlined />} onClick={onBack} aria-label="返回会议列表" title="返回会议列表" />}
        <Typography.Title level={compact ? 4 : 3} className="page-title meeting-title" ellipsis={compact ? { tooltip: m.title } : false}>
          {m.title}
        </Typography.Title>
        <MeetingStatusTag status={m.status} large={!compact} />
        {compact && (
          <>
            <Typography.Text type="secondary" className="meeting-when">
              {m.date}
              {time ? ` ${time}` : ''}
            </Typography.Text>
            <Button
              type="link"
              size="small"
              icon={showFacts ? <UpOutlined /> : <DownOutlined />}
              iconPlacement="end"
              onClick={() => setShowFacts((v) => !v)}
              aria-expanded={showFacts}
            >
              会议详情
            </Button>
          </>
        )}
        <div className="toolbar-spacer" />
        <Space wrap>
          {!locked && (
            <Button icon={<EditOutlined />} onClick={onEdit} aria-label="修改会议信息" title={compact ? '修改会议信息' : undefined}>
              {compact ? null : '修改会议信息'}
            </Button>
          )}
          <Button
            icon={<DesktopOutlined />}
            onClick={onProject}
            aria-label="投影模式"
            title={`${compact ? '投影模式：' : ''}在单独的窗口里显示给会场看；接了投影仪时全屏显示在投影仪上`}
          >
            {compact ? '投影' : '投影模式'}
          </Button>
          <LifecycleActions meeting={m} onChanged={onChanged} />
        </Space>
      </div>
      {(!compact || showFacts) && (
        <Descriptions size="small" column={{ xs: 1, md: 2, xl: 3 }} className="meeting-facts">
          <Descriptions.Item label="类型">{m.typeName}</Descriptions.Item>
          <Descriptions.Item label="日期">
            {m.date}
            {time ? ` ${time}` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="地点">{m.place ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="主持人">{m.chairName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="记录人">{m.recorderName ?? '—'}</Descriptions.Item>
          <Descriptions.Item label="应到人员">
            {m.basis === 'body' && m.bodyName ? m.bodyName : basisWords(m.basis, orgKind)}
            {m.groupName ? `（${m.groupName}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="通知">
            {m.noticeDate ? `${m.noticeDate} 已通知` : '未登记'}
            {m.urgentReason ? `（临时召开：${m.urgentReason}）` : ''}
          </Descriptions.Item>
          <Descriptions.Item label="适用规则" span="filled">
            {m.ruleSetLabel}
            {m.ruleSet.statutory ? `（${ruleCitation(m.ruleSet)}）` : `（${lawVersionLabel(m.lawVersion)}；${ruleCitation(m.ruleSet)}）`}
          </Descriptions.Item>
        </Descriptions>
      )}
      {locked && (
        <Alert
          type="info"
          showIcon
          title={`本会议已于 ${m.finalizedAt ? chineseDate(zonedParts(timeZone, m.finalizedAt).date) : ''} 定稿，所有内容只能查看，不能修改；如需更正，请在“纪要”中添加更正记录。`}
          description="如发现错误，请在“纪要”中添加更正记录。"
          style={{ marginTop: 12 }}
        />
      )}
      {/* People without a birth date are listed, with a way to fix each, just below (ExpectedPanel). */}
      {m.warnings
        .filter((w) => !(m.undated.length > 0 && w.includes('没有出生日期')))
        .map((w) => (
          <Alert key={w} type="warning" showIcon title={w} style={{ marginTop: 12 }} />
        ))}
    </div>
  );
}, sameProps);

/**
 * Every sign-in brings a new quorum: the header (without the quorum line, drawn by the
 * workspace) redraws only when something else about the meeting changed.
 */
function sameProps(a: Props, b: Props): boolean {
  if (a.onBack !== b.onBack || a.onEdit !== b.onEdit || a.onProject !== b.onProject || a.onChanged !== b.onChanged) return false;
  const { quorum: qa, ...ma } = a.meeting;
  const { quorum: qb, ...mb } = b.meeting;
  return qa.expected === qb.expected && JSON.stringify(ma) === JSON.stringify(mb);
}
