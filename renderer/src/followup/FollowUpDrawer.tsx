import { Alert, Descriptions, Divider, Drawer, Spin, Typography } from 'antd';
import type { FollowUpDetail } from '../../../core/contract/followup';
import { useCall, useSetCall } from '../api/queries';
import { CompleteForm } from './CompleteForm';
import { DueTag, showDate } from './labels';
import { ProgressSection } from './ProgressSection';
import { ResolutionNotices } from './ResolutionNotices';
import { ResponsibleForm } from './ResponsibleForm';
import { LoadError } from '../app/LoadError';

interface Props {
  resolutionId: number;
  onClose(): void;
  /** Something was saved: the list behind should be fetched again. */
  onChanged(): void;
}

/** One resolution's follow-up: who and by when, progress entries, completion, its public notices. */
export function FollowUpDrawer({ resolutionId, onClose, onChanged }: Props) {
  const { data, error, reload: load } = useCall('followUp.get', { resolutionId });
  const detail: FollowUpDetail | null = data ?? null;
  const put = useSetCall();
  const setDetail = (next: FollowUpDetail) => put('followUp.get', { resolutionId }, next);

  const saved = (next: FollowUpDetail) => {
    setDetail(next);
    onChanged();
  };

  return (
    <Drawer open size={780} title={detail ? `决议督办：${detail.title}` : '决议督办'} onClose={onClose} destroyOnHidden className="followup-drawer">
      <LoadError message={error} onRetry={() => void load()} />
      {!detail && !error && (
        <Spin description="正在读取决议…">
          <div style={{ height: 120 }} />
        </Spin>
      )}
      {detail && (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'number', label: '决议编号', children: detail.number },
              { key: 'meeting', label: '作出决议的会议', children: `${detail.meetingTitle}（${showDate(detail.meetingDate)}）` },
              { key: 'text', label: '决议内容', children: <div className="followup-pre">{detail.text}</div> },
              { key: 'state', label: '状态', children: <DueTag item={detail} /> },
            ]}
          />
          <Divider titlePlacement="start">责任人与完成期限</Divider>
          <ResponsibleForm key={`${detail.responsible ?? ''}|${detail.deadline ?? ''}`} detail={detail} onSaved={() => void load().then(onChanged)} />
          <Divider titlePlacement="start">落实进度</Divider>
          <ProgressSection detail={detail} onSaved={saved} />
          <Divider titlePlacement="start">办结</Divider>
          {detail.completedOn ? (
            <Alert
              type="success"
              showIcon
              title={`已于 ${showDate(detail.completedOn)} 办结`}
              description={<div className="followup-pre">{detail.result}</div>}
            />
          ) : (
            <CompleteForm detail={detail} onSaved={saved} />
          )}
          <Divider titlePlacement="start">公示</Divider>
          <ResolutionNotices detail={detail} />
          <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
            进度和办结登记后不能修改；登记错了，请再登记一条说明情况。
          </Typography.Paragraph>
        </>
      )}
    </Drawer>
  );
}
