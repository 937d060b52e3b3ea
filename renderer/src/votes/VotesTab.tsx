import { Empty } from 'antd';
import type { Meeting } from '../../../core/contract/meetings';

/** The 表决 tab of the meeting workspace (filled in by the votes work). */
export function VotesTab(props: { meeting: Meeting; onChanged: () => void }) {
  void props;
  return <Empty description="表决功能正在建设中" />;
}
