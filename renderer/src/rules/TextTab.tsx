import { useState } from 'react';
import { Alert, App, Button, Empty, Popconfirm, Space, Typography } from 'antd';
import { DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import type { RuleDocDetail, RuleEditResult } from '../../../core/contract/rules';
import { ApiCallError, call } from '../api/client';
import { useReportError } from '../app/useReportError';
import { ArticleEditor } from './ArticleEditor';
import { ArticleItem } from './ArticleItem';
import { ChapterTitleModal } from './ChapterTitleModal';
import { ClearFlagModal } from './ClearFlagModal';
import { EditOutcome, type Outcome } from './EditOutcome';
import { MoveArticleModal } from './MoveArticleModal';

interface Props {
  doc: RuleDocDetail;
  onDoc(doc: RuleDocDetail): void;
}

type Article = RuleDocDetail['text']['articles'][number];
type Chapter = RuleDocDetail['text']['chapters'][number];
type Flag = RuleDocDetail['flags'][number];
/** Where a new article is being written: after an article, or at the start of a chapter. */
type Adding = { after: number } | { chapterStart: number | null } | null;

/** 条文: chapters and articles as an editable outline, renumbered after every change. */
export function TextTab({ doc, onDoc }: Props) {
  const { modal } = App.useApp();
  const reportError = useReportError();
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const [adding, setAdding] = useState<Adding>(null);
  const [moving, setMoving] = useState<Article | null>(null);
  const [chapterDialog, setChapterDialog] = useState<{ chapter: Chapter | null } | null>(null);
  const [clearing, setClearing] = useState<Flag | null>(null);
  const { chapters, articles } = doc.text;
  const editable = doc.editable;

  function took(r: RuleEditResult, what: string) {
    onDoc(r.doc);
    setOutcome({ what, rewritten: r.rewritten, unresolved: r.unresolved });
  }

  /** Runs an edit; errors as a dialog. True when done. */
  async function edit(run: () => Promise<RuleEditResult>, what: (r: RuleEditResult) => string, title = '没有改成'): Promise<boolean> {
    try {
      const r = await run();
      took(r, what(r));
      return true;
    } catch (e) {
      reportError(e, title);
      return false;
    }
  }

  const labelOf = (r: RuleEditResult, id: number) => r.doc.text.articles.find((a) => a.id === id)?.label ?? '';
  const newest = (r: RuleEditResult) => r.doc.text.articles.reduce((m, a) => (a.id > m.id ? a : m), r.doc.text.articles[0]!);

  async function insert(chapterId: number | null, afterArticleId: number | null, text: string) {
    return edit(
      () => call('rules.articles.add', { docId: doc.id, chapterId, afterArticleId, text }),
      (r) => `已新增${newest(r).label}${r.doc.text.articles.length > newest(r).number ? '，后面的条文已重新编号' : ''}`,
      '这一条没有新增',
    );
  }

  async function removeChapter(chapter: Chapter) {
    try {
      took(await call('rules.chapters.remove', { id: chapter.id, withArticles: false }), `已删除${chapter.label}“${chapter.title}”`);
    } catch (e) {
      if (!(e instanceof ApiCallError) || e.code !== 'CONFLICT') return reportError(e, '这一章没有删除');
      modal.confirm({
        title: `${chapter.label}“${chapter.title}”里还有条文`,
        content: e.message,
        okText: '连同条文一起删除',
        okButtonProps: { danger: true },
        cancelText: '不删了',
        onOk: async () => {
          await edit(
            () => call('rules.chapters.remove', { id: chapter.id, withArticles: true }),
            () => `已删除${chapter.label}“${chapter.title}”和其中的条文，后面的条文已重新编号`,
            '这一章没有删除',
          );
        },
      });
    }
  }

  const renderArticle = (a: Article) => (
    <ArticleItem
      key={a.id}
      article={a}
      flags={doc.flags.filter((f) => f.articleId === a.id)}
      editable={editable}
      editing={editing === a.id}
      adding={adding !== null && 'after' in adding && adding.after === a.id}
      onEdit={(on) => setEditing(on ? a.id : null)}
      onAdd={(on) => setAdding(on ? { after: a.id } : null)}
      onSave={(text) =>
        edit(
          () => call('rules.articles.update', { id: a.id, text }),
          (r) => `${labelOf(r, a.id)}已保存`,
        )
      }
      onInsert={(text) => insert(a.chapterId, a.id, text)}
      onMove={() => setMoving(a)}
      onRemove={() =>
        void edit(
          () => call('rules.articles.remove', { id: a.id }),
          () => `已删除${a.label}，后面的条文已重新编号`,
          '这一条没有删除',
        )
      }
      onClearFlag={setClearing}
    />
  );

  const startEditor = (chapterId: number | null) =>
    adding !== null && 'chapterStart' in adding && adding.chapterStart === chapterId ? (
      <div className="rule-article-new">
        <ArticleEditor
          label={chapterId === null ? '新增的第一条条文' : '本章开头新增的条文'}
          saveText="新增这一条"
          onSave={(text) => insert(chapterId, null, text)}
          onCancel={() => setAdding(null)}
        />
      </div>
    ) : null;

  return (
    <div className="rule-text">
      {!editable && (
        <Alert
          type="info"
          showIcon
          title="规约已经表决通过，条文只能查看"
          description={
            doc.stage === '已公布'
              ? '如需修改，请点上方的“启动修订”；修订稿要重新征求意见、审核和表决。'
              : '表决通过的正式稿不能直接修改。完成备案和公布后，如需修改，可以启动修订。'
          }
          style={{ marginBottom: 16 }}
        />
      )}
      {outcome && <EditOutcome outcome={outcome} onClose={() => setOutcome(null)} />}
      {doc.openFlags > 0 && (
        <Alert
          type="error"
          showIcon
          title={`有 ${doc.openFlags} 处可能属于强制性处罚的用语（标红的条文）`}
          description="规约不能设定罚款、没收等强制性处罚。请修改条文；确实不构成处罚的，点“核查说明”写明理由。提交会议表决前必须处理完。"
          style={{ marginBottom: 16 }}
        />
      )}
      {editable && (
        <Space className="toolbar" wrap>
          <Button icon={<PlusOutlined />} onClick={() => setChapterDialog({ chapter: null })}>
            新增一章
          </Button>
          {chapters.length === 0 && (
            <Button icon={<PlusOutlined />} onClick={() => setAdding({ chapterStart: null })}>
              在最前面新增一条
            </Button>
          )}
          <Typography.Text type="secondary">条和章的编号自动生成；插入、删除或移动后，条文中引用的“第X条”会随之更新。</Typography.Text>
        </Space>
      )}
      {articles.length === 0 && chapters.length === 0 && !adding && (
        <Empty description={editable ? '还没有条文。可以先“新增一章”，也可以直接“在最前面新增一条”。' : '没有条文'} />
      )}
      {chapters.length === 0 ? (
        <>
          {startEditor(null)}
          {articles.map(renderArticle)}
        </>
      ) : (
        chapters.map((c) => {
          const inside = articles.filter((a) => a.chapterId === c.id);
          return (
            <div key={c.id} className="rule-chapter">
              <div className="rule-chapter-head">
                <Typography.Title level={4} className="rule-chapter-title">
                  {c.label}
                  {'\u3000'}
                  {c.title}
                </Typography.Title>
                {editable && (
                  <Space size={0} wrap>
                    <Button type="link" size="small" icon={<EditOutlined />} onClick={() => setChapterDialog({ chapter: c })}>
                      改章名
                    </Button>
                    <Button type="link" size="small" icon={<PlusOutlined />} onClick={() => setAdding({ chapterStart: c.id })}>
                      在本章开头新增一条
                    </Button>
                    <Popconfirm
                      title={`删除${c.label}“${c.title}”？`}
                      okText="删除"
                      okButtonProps={{ danger: true }}
                      cancelText="不删"
                      onConfirm={() => void removeChapter(c)}
                    >
                      <Button type="link" size="small" danger icon={<DeleteOutlined />}>
                        删除本章
                      </Button>
                    </Popconfirm>
                  </Space>
                )}
              </div>
              {startEditor(c.id)}
              {inside.length === 0 && !startEditor(c.id) && <Typography.Text type="secondary">本章还没有条文。</Typography.Text>}
              {inside.map(renderArticle)}
            </div>
          );
        })
      )}
      {chapterDialog && (
        <ChapterTitleModal
          title={chapterDialog.chapter ? `修改${chapterDialog.chapter.label}的章名` : '新增一章'}
          label="章名"
          initial={chapterDialog.chapter?.title ?? ''}
          onClose={() => setChapterDialog(null)}
          onSave={async (title) => {
            const c = chapterDialog.chapter;
            const r = c
              ? await call('rules.chapters.rename', { id: c.id, title })
              : await call('rules.chapters.add', { docId: doc.id, title, afterChapterId: null });
            took(r, c ? `章名已改为“${title}”` : `已新增${r.doc.text.chapters[r.doc.text.chapters.length - 1]!.label}“${title}”`);
            setChapterDialog(null);
          }}
        />
      )}
      {moving && (
        <MoveArticleModal
          doc={doc}
          article={moving}
          onClose={() => setMoving(null)}
          onMove={async (chapterId, afterArticleId) => {
            const r = await call('rules.articles.move', { id: moving.id, chapterId, afterArticleId });
            const now = labelOf(r, moving.id);
            took(r, now === moving.label ? `${moving.label}已移动` : `已移动：原${moving.label}现在是${now}，其他条文已重新编号`);
            setMoving(null);
          }}
        />
      )}
      {clearing && (
        <ClearFlagModal
          doc={doc}
          flag={clearing}
          onClose={() => setClearing(null)}
          onDone={(d) => {
            setClearing(null);
            onDoc(d);
          }}
        />
      )}
    </div>
  );
}
