import type { RuleDocDetail } from '../../../core/contract/rules';

/** Select options for the articles of a text: "第五条 文明养犬，及时清理…". */
export function articleOptions(doc: RuleDocDetail) {
  return doc.text.articles.map((a) => ({ value: a.id, label: `${a.label}\u3000${a.text.slice(0, 20)}${a.text.length > 20 ? '…' : ''}` }));
}
