import { useCallback } from 'react';
import { Alert, Button, Spin } from 'antd';
import type { Meeting } from '../../../core/contract/meetings';
import { useCall, useSetCall } from '../api/queries';
import { AttendeeListChoice } from './AttendeeListChoice';
import { ExportPanel } from './ExportPanel';
import { MinutesSheet } from './MinutesSheet';
import { ReviewPanel, type MinutesReview } from './ReviewPanel';
import type { MinutesPreview } from './wording';
import './minutes.css';

/** The 纪要 tab: review and lock the minutes, export every document, and preview / print the minutes. */
export function MinutesTab({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  // Every write (the meeting edited, ended or finalized, a speech typed) reads the minutes again.
  const previewQuery = useCall('minutes.preview', { meetingId: meeting.id });
  const reviewQuery = useCall('minutes.status', { meetingId: meeting.id });
  const preview: MinutesPreview | null = previewQuery.data ?? null;
  const review: MinutesReview | null = reviewQuery.data ?? null;
  const error = previewQuery.error ?? reviewQuery.error;
  const loading = previewQuery.loading || reviewQuery.loading;
  const put = useSetCall();
  const { reload: reloadPreview } = previewQuery;
  const { reload: reloadReview } = reviewQuery;
  const load = useCallback(async () => {
    await Promise.all([reloadPreview(), reloadReview()]);
  }, [reloadPreview, reloadReview]);
  const setReview = useCallback((next: MinutesReview) => put('minutes.status', { meetingId: meeting.id }, next), [put, meeting.id]);

  const reviewed = useCallback(
    (next: MinutesReview) => {
      setReview(next);
      // Finalizing locks the meeting (the header shows it); an addendum changes the preview.
      onChanged();
      void load();
    },
    [onChanged, load, setReview],
  );

  if (!preview || !review) {
    if (error) {
      return (
        <Alert
          type="error"
          showIcon
          title="会议记录没有读出来"
          description={error}
          action={
            <Button size="small" onClick={() => void load()}>
              再试一次
            </Button>
          }
        />
      );
    }
    return (
      <Spin description="正在整理会议记录…">
        <div style={{ height: 240 }} />
      </Spin>
    );
  }

  return (
    <div className="minutes-tab">
      <div className="minutes-panels">
        <ReviewPanel meeting={meeting} review={review} onReview={reviewed} />
        <ExportPanel
          meeting={meeting}
          hasResolutions={preview.resolutions.length > 0}
          canPrint
          approvedWithCorrections={review.status === '已定稿' && review.addenda.length > 0}
        />
      </div>
      <AttendeeListChoice
        review={review}
        present={preview.present}
        onSaved={(next) => {
          setReview(next);
          void reloadPreview();
        }}
      />
      {error && <Alert type="warning" showIcon title={`预览没有更新：${error}`} />}
      <div className="minutes-desk">
        <div className="minutes-desk-caption">会议记录预览（与导出的 Word 文件内容、顺序相同）{loading ? '　正在更新…' : ''}</div>
        <MinutesSheet d={preview} />
      </div>
    </div>
  );
}
