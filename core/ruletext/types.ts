// The shapes of a rule text (村规民约 / 居民公约) shared by the database, the comparison, the
// Word builders and the renderer. Numbers are never stored: they follow from the order.

export const ruleKinds = ['村规民约', '居民公约', '小区公约', '自治章程'] as const;
export type RuleKind = (typeof ruleKinds)[number];

export interface RuleChapter {
  /** Stable across edits and versions, so a comparison can follow a chapter. */
  id: number;
  /** "总则" — without the "第一章" prefix. */
  title: string;
}

export interface RuleArticle {
  /** Stable across edits and versions, so a comparison can follow an article when it moves. */
  id: number;
  /** null when the text has no chapters at all. */
  chapterId: number | null;
  /** Without the "第一条" prefix; several paragraphs (款) are separated by "\n". */
  text: string;
}

/** A text in reading order: articles are grouped by chapter, in chapter order. */
export interface RuleStructure {
  chapters: RuleChapter[];
  articles: RuleArticle[];
}

export interface NumberedChapter extends RuleChapter {
  number: number;
  /** "第一章" */
  label: string;
}

export interface NumberedArticle extends RuleArticle {
  /** 1-based, counted through the whole text (articles do not restart per chapter). */
  number: number;
  /** "第一条" */
  label: string;
}

/** A numbered text: what a version freezes and what documents print. */
export interface RuleSnapshot {
  chapters: NumberedChapter[];
  articles: NumberedArticle[];
}

/** A "第X条" inside an article that could not be rewritten after a renumbering. */
export interface UnresolvedReference {
  /** The article whose text holds the reference. */
  articleId: number;
  /** Its label after the change, e.g. "第七条". */
  articleLabel: string;
  /** The words as written, e.g. "第五条" or "第三、五条". */
  reference: string;
  /** Chinese, for the user: why it was left as it is and what to do. */
  reason: string;
}

export interface RenumberResult {
  /** The structure with references rewritten. */
  structure: RuleStructure;
  /** Every article whose text changed because of rewritten references. */
  rewritten: { articleId: number; before: string; after: string }[];
  unresolved: UnresolvedReference[];
}

/** A piece of a character-level diff (jsdiff's shape). */
export interface TextPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

export type ArticleChange = 'same' | 'changed' | 'inserted' | 'deleted';

/** One row of a comparison, in the reading order of the newer text (deleted rows where they were). */
export interface ArticleComparison {
  change: ArticleChange;
  /** The article sits elsewhere relative to the others (or in another chapter). */
  moved: boolean;
  /** Its number changed (by a move or by inserts/deletes before it). */
  renumbered: boolean;
  before: { articleId: number; label: string; chapterLabel: string | null; chapterTitle: string | null; text: string } | null;
  after: { articleId: number; label: string; chapterLabel: string | null; chapterTitle: string | null; text: string } | null;
  /** Character-level diff of the text from before to after (whole text added or removed for inserts/deletes). */
  parts: TextPart[];
}

export interface ChapterComparison {
  change: ArticleChange;
  before: { chapterId: number; label: string; title: string } | null;
  after: { chapterId: number; label: string; title: string } | null;
  parts: TextPart[];
}

export interface RuleComparison {
  articles: ArticleComparison[];
  chapters: ChapterComparison[];
  counts: { same: number; changed: number; inserted: number; deleted: number; moved: number; renumbered: number };
}

/** One entry of the editable list of penalty words (kept in data, see penalty-terms.json). */
export interface PenaltyTerm {
  /** "罚款", or with "…" standing for a few characters: "取消…资格". */
  term: string;
  /** Chinese: why a convention may not say this. */
  reason: string;
}

export interface PenaltyHit {
  term: string;
  reason: string;
  /** The words actually found, e.g. "取消其享受集体福利的资格". */
  match: string;
  /** Offset in the article text. */
  index: number;
}

/** The result of splitting a pasted or imported text into chapters and articles. */
export interface SplitRuleText {
  /** The first line when it looks like a title ("XX村村规民约"), else null. */
  title: string | null;
  chapters: { title: string }[];
  /** chapterIndex points into `chapters`; null when the text has no chapters. */
  articles: { chapterIndex: number | null; text: string }[];
  /** Chinese notes for the preview: skipped lines, numbering gaps, text before the first article. */
  warnings: string[];
}
