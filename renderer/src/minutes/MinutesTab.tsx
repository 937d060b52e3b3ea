import { useCallback, useEffect, useRef, useState } from 'react';
import { Alert, Button, Spin } from 'antd';
import type { Meeting } from '../../../core/contract/meetings';
import { call, errorMessage } from '../api/client';
import { ExportPanel } from './ExportPanel';
import { MinutesSheet } from './MinutesSheet';
import { ReviewPanel, type MinutesReview } from './ReviewPanel';
import type { MinutesPreview } from './wording';
import './minutes.css';

/** The 纪要 tab: review and lock the minutes, export every document, and preview / print the minutes. */
export function MinutesTab({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const [preview, setPreview] = useState<MinutesPreview | null>(null);
  const [review, setReview] = useState<MinutesReview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const generation = useRef(0);

  const load = useCallback(async () => {
    const mine = ++generation.current;
    setLoading(true);
    try {
      const [p, r] = await Promise.all([call('minutes.preview', { meetingId: meeting.id }), call('minutes.status', { meetingId: meeting.id })]);
      if (mine !== generation.current) return;
      setPreview(p);
      setReview(r);
      setError(null);
    } catch (e) {
      if (mine === generation.current) setError(errorMessage(e));
    } finally {
      if (mine === generation.current) setLoading(false);
    }
  }, [meeting.id]);

  // The meeting changes when it is edited, ended or finalized: read the minutes again then.
  useEffect(() => {
    void load();
  }, [load, meeting]);

  const reviewed = useCallback(
    (next: MinutesReview) => {
      setReview(next);
      // Finalizing locks the meeting (the header shows it); an addendum changes the preview.
      onChanged();
      void load();
    },
    [onChanged, load],
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
        <ExportPanel meeting={meeting} hasResolutions={preview.resolutions.length > 0} canPrint />
      </div>
      {error && <Alert type="warning" showIcon title={`预览没有更新：${error}`} />}
      <div className="minutes-desk">
        <div className="minutes-desk-caption">
          会议记录预览（与导出的 Word 文件内容、顺序相同）{loading ? '　正在更新…' : ''}
        </div>
        <MinutesSheet d={preview} />
      </div>
    </div>
  );
}
