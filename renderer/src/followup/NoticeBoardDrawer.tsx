import { useState } from 'react';
import { Alert, App, Button, Descriptions, Divider, Drawer, Space, Spin, Typography } from 'antd';
import { PrinterOutlined } from '@ant-design/icons';
import type { Notice } from '../../../core/contract/notices';
import { call } from '../api/client';
import { useCall } from '../api/queries';
import { LoadError } from '../app/LoadError';
import { useExport } from '../app/useExport';
import { PhotoList } from '../attachments/PhotoList';
import { NoticeStatusTag, showDate } from './labels';
import { TakeDownModal } from './TakeDownModal';

interface Props {
  noticeId: number;
  onClose(): void;
  /** After a photo or 撤下 was registered: the list refreshes its rows. */
  onChanged(): void;
}

/**
 * 张贴记录 of one 公示: when, where and by whom it went up, photos of it on the board; 撤下 with
 * its date, reason and photos; 打印张贴版 (one A4 sheet for the board).
 */
export function NoticeBoardDrawer({ noticeId, onClose, onChanged }: Props) {
  const { message } = App.useApp();
  const { data: n, error, reload } = useCall('notices.get', { id: noticeId });
  const [takingDown, setTakingDown] = useState<Notice | null>(null);
  const { isBusy, run } = useExport();

  const changed = () => {
    void reload();
    onChanged();
  };

  return (
    <Drawer title={n ? `张贴记录：${n.title}` : '张贴记录'} open onClose={onClose} size={640} destroyOnHidden>
      <LoadError message={error} onRetry={() => void reload()} />
      {!n && !error && <Spin />}
      {n && (
        <>
          <Space style={{ marginBottom: 16 }} wrap>
            <Button
              type="primary"
              icon={<PrinterOutlined />}
              loading={isBusy('board')}
              onClick={() => void run('公示张贴版', () => call('notices.exportBoard', { id: n.id }), { key: 'board' })}
            >
              打印张贴版
            </Button>
            <Typography.Text type="secondary">一张 A4 纸，贴在公开栏；内容太长时只印开头并注明“全文见附页”。</Typography.Text>
          </Space>
          <Descriptions
            column={1}
            size="small"
            bordered
            items={[
              { key: 'status', label: '状态', children: <NoticeStatusTag notice={n} /> },
              { key: 'period', label: '公示期', children: `${showDate(n.postedOn)}至${showDate(n.endsOn)}，共 ${n.periodDays} 天` },
              { key: 'place', label: '张贴地点', children: n.place },
              { key: 'by', label: '张贴人', children: n.postedBy ?? '（未登记）' },
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            张贴照片
          </Typography.Title>
          <PhotoList target={{ kind: 'noticePosted', id: n.id }} photos={n.postedPhotos} label="张贴照片" onChanged={changed} />
          <Divider />
          <Typography.Title level={5}>撤下</Typography.Title>
          {n.takenDownOn ? (
            <Descriptions
              column={1}
              size="small"
              bordered
              style={{ marginBottom: 12 }}
              items={[
                { key: 'on', label: '撤下日期', children: showDate(n.takenDownOn) },
                ...(n.takeDownReason ? [{ key: 'reason', label: '提前撤下的原因', children: n.takeDownReason }] : []),
                { key: 'by', label: '撤下人', children: n.takenDownBy ?? '（未登记）' },
              ]}
            />
          ) : (
            <Space orientation="vertical" style={{ marginBottom: 12 }}>
              {n.status === '期满未撤' && <Alert type="warning" showIcon title={`公示期已于 ${showDate(n.endsOn)} 期满，请撤下后登记`} />}
              <Button onClick={() => setTakingDown(n)}>登记撤下</Button>
            </Space>
          )}
          <PhotoList
            target={{ kind: 'noticeTakenDown', id: n.id }}
            photos={n.takenDownPhotos}
            label="撤下照片"
            disabledReason={n.takenDownOn ? null : '登记撤下以后，可以上传撤下时拍的照片。'}
            onChanged={changed}
          />
        </>
      )}
      {takingDown && (
        <TakeDownModal
          notice={takingDown}
          onClose={() => setTakingDown(null)}
          onDone={(done) => {
            setTakingDown(null);
            message.success(`已登记撤下“${done.title}”`);
            changed();
          }}
        />
      )}
    </Drawer>
  );
}
