import { useEffect, useState } from 'react';
import { Typography } from 'antd';
import { call } from '../api/client';
import { useReportError } from '../app/useReportError';

interface Props {
  topicId: number;
  masked: string;
}

/** The caller's phone, masked until asked: topics.revealCaller records who looked. */
export function CallerPhone({ topicId, masked }: Props) {
  const reportError = useReportError();
  const [full, setFull] = useState<string | null>(null);
  // Another topic, or the same one reloaded: masked again.
  useEffect(() => setFull(null), [topicId, masked]);

  async function reveal() {
    try {
      setFull((await call('topics.revealCaller', { id: topicId })).callerPhone);
    } catch (error) {
      reportError(error, '没有显示出来');
    }
  }

  return (
    <span className="nowrap">
      {full ?? masked}{' '}
      {full ? (
        <Typography.Link onClick={() => setFull(null)}>隐藏</Typography.Link>
      ) : (
        <Typography.Link onClick={() => void reveal()} aria-label="查看完整来电电话">
          查看
        </Typography.Link>
      )}
    </span>
  );
}
