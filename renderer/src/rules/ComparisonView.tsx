import { useState } from 'react';
import { Checkbox, Empty, Radio, Space, Tag, Typography } from 'antd';
import type { RuleComparison } from '../../../core/ruletext/types';
import { DiffText } from './DiffText';

type Row = RuleComparison['articles'][number];

interface Props {
  fromName: string;
  toName: string;
  comparison: RuleComparison;
}

function Badges({ row }: { row: Row }) {
  return (
    <Space size={4} wrap className="diff-badges">
      {row.change === 'inserted' && <Tag color="green">新增</Tag>}
      {row.change === 'deleted' && <Tag color="red">删除</Tag>}
      {row.change === 'changed' && <Tag color="orange">修改</Tag>}
      {row.moved && <Tag color="purple">移动</Tag>}
      {row.renumbered && row.before && row.after && (
        <Tag color="blue">
          重新编号：原{row.before.label} → {row.after.label}
        </Tag>
      )}
    </Space>
  );
}

const where = (side: Row['before']) => (side?.chapterLabel ? `${side.chapterLabel} ${side.chapterTitle ?? ''}` : '');

/** Two texts compared article by article: side by side (old | new) or inline. */
export function ComparisonView({ fromName, toName, comparison }: Props) {
  const [mode, setMode] = useState<'side' | 'inline'>('side');
  const [onlyChanged, setOnlyChanged] = useState(true);
  const { counts } = comparison;
  const rows = comparison.articles.filter((r) => !onlyChanged || r.change !== 'same' || r.moved || r.renumbered);
  const chapterChanges = comparison.chapters.filter((c) => c.change !== 'same');

  return (
    <div className="comparison">
      <div className="toolbar">
        <Typography.Text className="counts-line">
          从“{fromName}”到“{toName}”：修改 <b>{counts.changed}</b> 条，新增 <b>{counts.inserted}</b> 条，删除 <b>{counts.deleted}</b> 条，移动{' '}
          <b>{counts.moved}</b> 条，重新编号 <b>{counts.renumbered}</b> 条，未变 {counts.same} 条
        </Typography.Text>
        <div className="toolbar-spacer" />
        <Checkbox checked={onlyChanged} onChange={(e) => setOnlyChanged(e.target.checked)}>
          只看有变化的
        </Checkbox>
        <Radio.Group
          optionType="button"
          value={mode}
          onChange={(e) => setMode(e.target.value as 'side' | 'inline')}
          options={[
            { value: 'side', label: '左右对照' },
            { value: 'inline', label: '合并显示' },
          ]}
        />
      </div>
      {chapterChanges.length > 0 && (
        <ul className="plain-list chapter-changes">
          {chapterChanges.map((c, i) => (
            <li key={i}>
              {c.change === 'inserted' && <Tag color="green">新增</Tag>}
              {c.change === 'deleted' && <Tag color="red">删除</Tag>}
              {c.change === 'changed' && <Tag color="orange">章名修改</Tag>}
              {(c.after ?? c.before)!.label} <DiffText parts={c.parts} side="both" />
            </li>
          ))}
        </ul>
      )}
      {rows.length === 0 ? (
        <Empty description="两稿的条文完全相同" />
      ) : mode === 'side' ? (
        <table className="diff-table" aria-label="左右对照">
          <thead>
            <tr>
              <th>{fromName}</th>
              <th>{toName}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i} className={`diff-row diff-${r.change}`}>
                <td>
                  {r.before ? (
                    <>
                      <div className="diff-label">
                        {r.before.label} <span className="muted">{where(r.before)}</span>
                      </div>
                      <DiffText parts={r.parts} side="before" />
                    </>
                  ) : (
                    <span className="muted">（原稿没有这一条）</span>
                  )}
                </td>
                <td>
                  <Badges row={r} />
                  {r.after ? (
                    <>
                      <div className="diff-label">
                        {r.after.label} <span className="muted">{where(r.after)}</span>
                      </div>
                      <DiffText parts={r.parts} side="after" />
                    </>
                  ) : (
                    <span className="muted">（已删除）</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <div className="diff-inline" aria-label="合并显示">
          {rows.map((r, i) => (
            <div key={i} className={`diff-row diff-${r.change}`}>
              <div className="diff-label">
                {(r.after ?? r.before)!.label} <Badges row={r} />
              </div>
              <DiffText parts={r.parts} side="both" />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
