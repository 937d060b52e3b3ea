import { Button, Popover, Tag, Typography } from 'antd';
import type { RuleDocDetail } from '../../../core/contract/rules';

type Flag = RuleDocDetail['flags'][number];

interface Props {
  flags: Flag[];
  editable: boolean;
  onClear(flag: Flag): void;
}

/** The penalty words found in an article: open ones in red with the reason; cleared ones greyed. */
export function FlagTags({ flags, editable, onClear }: Props) {
  if (!flags.length) return null;
  return (
    <div className="flag-tags">
      {flags.map((f) =>
        f.cleared ? (
          <Typography.Text key={f.term} type="secondary" className="flag-cleared">
            <Tag>已核查：{f.term}</Tag>
            {f.cleared.justification}（{f.cleared.by}）
          </Typography.Text>
        ) : (
          <Popover
            key={f.term}
            title={`可能属于强制性处罚：“${f.match}”`}
            content={<Typography.Paragraph style={{ maxWidth: 360, marginBottom: 0 }}>{f.reason}</Typography.Paragraph>}
          >
            <Tag color={f.term.includes('…') ? 'orange' : 'red'} className="flag-tag">
              违规用语：{f.term}
            </Tag>
          </Popover>
        ),
      )}
      {flags.some((f) => !f.cleared) && editable && (
        <Button size="small" type="link" onClick={() => onClear(flags.find((f) => !f.cleared)!)}>
          核查说明
        </Button>
      )}
    </div>
  );
}
