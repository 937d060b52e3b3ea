import { Card, Descriptions } from 'antd';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { lawVersionLabel } from '../meetings/ruleWords';
import { dateWords } from './labels';

type Adoption = NonNullable<RuleDocDetail['adoption']>;

/** The vote that adopted the document: meeting, attendance, tally and the share of women present. */
export function AdoptionCard({ adoption: a }: { adoption: Adoption }) {
  const n = (v: number | null) => (v === null ? '—' : `${v} 人`);
  return (
    <Card title="表决通过" size="small" className="rule-card">
      <Descriptions column={{ xs: 1, md: 2 }} size="small">
        <Descriptions.Item label="会议">
          {a.meetingTitle}（{a.meetingKind}）
        </Descriptions.Item>
        <Descriptions.Item label="日期">{dateWords(a.meetingDate)}</Descriptions.Item>
        <Descriptions.Item label="应到 / 实到">
          应到 {a.expected} 人，实到 {a.present} 人
        </Descriptions.Item>
        <Descriptions.Item label="表决结果">
          赞成 {n(a.yes)}，反对 {n(a.no)}，弃权 {n(a.abstain)}
        </Descriptions.Item>
        <Descriptions.Item label="女性到会">{a.womenShare}</Descriptions.Item>
        <Descriptions.Item label="适用法律">{lawVersionLabel(a.lawVersion === '本地规则' ? null : a.lawVersion)}</Descriptions.Item>
        {a.delegationBasis && <Descriptions.Item label="授权依据">{a.delegationBasis}</Descriptions.Item>}
        {a.explanation && (
          <Descriptions.Item label="说明" span={2}>
            {a.explanation}
          </Descriptions.Item>
        )}
      </Descriptions>
    </Card>
  );
}
