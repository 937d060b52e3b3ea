import { Button, Popconfirm, Space } from 'antd';
import { DeleteOutlined, DragOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { RuleDocDetail } from '../../../core/contract/rules';
import { ArticleEditor } from './ArticleEditor';
import { FlagTags } from './FlagTags';

type Article = RuleDocDetail['text']['articles'][number];
type Flag = RuleDocDetail['flags'][number];

interface Props {
  article: Article;
  flags: Flag[];
  editable: boolean;
  editing: boolean;
  adding: boolean;
  onEdit(on: boolean): void;
  onAdd(on: boolean): void;
  onSave(text: string): Promise<boolean>;
  onInsert(text: string): Promise<boolean>;
  onMove(): void;
  onRemove(): void;
  onClearFlag(flag: Flag): void;
}

/** One article: its number and paragraphs, penalty flags, and its edits. */
export function ArticleItem({ article, flags, editable, editing, adding, onEdit, onAdd, onSave, onInsert, onMove, onRemove, onClearFlag }: Props) {
  const open = flags.some((f) => !f.cleared);
  return (
    <section className={`rule-article${open ? ' rule-article-flagged' : ''}`} aria-label={article.label}>
      <div className="rule-article-row">
        <span className="rule-article-label">{article.label}</span>
        <div className="rule-article-body">
          {editing ? (
            <ArticleEditor label={`${article.label}条文`} initial={article.text} onSave={onSave} onCancel={() => onEdit(false)} />
          ) : (
            article.text.split('\n').map((p, i) => (
              <p key={i} className="rule-article-text">
                {p}
              </p>
            ))
          )}
          <FlagTags flags={flags} editable={editable} onClear={onClearFlag} />
        </div>
        {editable && !editing && (
          <Space size={0} className="rule-article-actions">
            <Button type="link" size="small" icon={<EditOutlined />} onClick={() => onEdit(true)}>
              修改
            </Button>
            <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => onAdd(true)}>
              在后面新增一条
            </Button>
            <Button type="link" size="small" icon={<DragOutlined />} onClick={onMove}>
              移动
            </Button>
            <Popconfirm
              title={`删除${article.label}？`}
              description="删除后，后面的条文会重新编号。"
              okText="删除"
              okButtonProps={{ danger: true }}
              cancelText="不删"
              onConfirm={onRemove}
            >
              <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                删除
              </Button>
            </Popconfirm>
          </Space>
        )}
      </div>
      {adding && (
        <div className="rule-article-new">
          <ArticleEditor label={`${article.label}之后新增的条文`} saveText="新增这一条" onSave={onInsert} onCancel={() => onAdd(false)} />
        </div>
      )}
    </section>
  );
}
