/** 村规民约 / 居民公约 and their 备案: those awaiting the street's 备案审查, with the filing report and documents. */
import { sql } from 'drizzle-orm';
import { type FilingReviewRecord, type RuleRecord } from '../../../exchange';
import { rows, type HubDb } from '../open';
import { communities, documents, replyItems, rules } from '../schema';
import { inScope, type Scope } from './common';

export const ruleFilingStatuses = ['未报备', '待审查', '已同意备案', '已退回'] as const;
export type RuleFilingStatus = (typeof ruleFilingStatuses)[number];

export interface RuleDocument {
  uid: string;
  kind: string;
  fileName: string;
  sha256: string;
  size: number;
}

export interface RuleRow {
  communityId: string;
  communityName: string;
  uid: string;
  kind: string;
  title: string;
  stage: string;
  adoptedOn: string | null;
  filingDue: string | null;
  filedOn: string | null;
  status: RuleFilingStatus;
  /** What the 备案报告 states: adoption, attendance, delegation, authority, receipt. */
  filingReport: Pick<
    RuleRecord,
    'adoptedOn' | 'presentCount' | 'womenPresent' | 'delegationBasis' | 'filingAuthority' | 'filedOn' | 'filingReceiptNo' | 'publishedOn'
  >;
  /** The rule's procedure steps as the community recorded them (ruleRecord.steps). */
  steps: RuleRecord['steps'];
  latestReview: FilingReviewRecord | null;
  /** Every 审查意见 the street gave on the rule, newest first. */
  reviews: FilingReviewRecord[];
  documents: RuleDocument[];
}

export async function ruleFilings(
  db: HubDb,
  q: Scope & { status?: RuleFilingStatus | undefined },
): Promise<{ rows: RuleRow[]; counts: Record<RuleFilingStatus, number> }> {
  const found = await rows<{ community_id: string; name: string; uid: string; data: RuleRecord; review: FilingReviewRecord | null; status: RuleFilingStatus }>(
    db,
    sql`select * from (
          select r.community_id, c.name, r.uid, r.data, rv.data as review,
            case when r.filed_on is null then '未报备'
                 when rv.data is null or rv.data->>'reviewedOn' < r.filed_on then '待审查'
                 when rv.data->>'decision' = '同意备案' then '已同意备案'
                 else '已退回' end as status
          from ${rules} r join ${communities} c on c.community_id = r.community_id
          left join lateral (
            select i.data from ${replyItems} i
            where i.community_id = r.community_id and i.target_uid = r.uid and i.kind = '备案审查意见'
            order by i.created_at desc limit 1
          ) rv on true
          where true${inScope('r', q)}
        ) x
        ${q.status ? sql`where x.status = ${q.status}` : sql``}
        order by x.name, x.uid`,
  );
  const docs = await rows<{ community_id: string; record_uid: string; uid: string; kind: string; file_name: string; sha256: string; size: number }>(
    db,
    sql`select d.community_id, d.record_uid, d.uid, d.kind, d.file_name, d.sha256, d.size
        from ${documents} d join ${rules} r on r.community_id = d.community_id and r.uid = d.record_uid
        where true${inScope('r', q)}
        order by d.uid`,
  );
  const reviewRows = await rows<{ community_id: string; target_uid: string; data: FilingReviewRecord }>(
    db,
    sql`select i.community_id, i.target_uid, i.data
        from ${replyItems} i join ${rules} r on r.community_id = i.community_id and r.uid = i.target_uid
        where i.kind = '备案审查意见'${inScope('r', q)}
        order by i.created_at desc, i.uid desc`,
  );
  const reviewsOf = new Map<string, FilingReviewRecord[]>();
  for (const v of reviewRows) {
    const key = `${v.community_id}\u0000${v.target_uid}`;
    reviewsOf.set(key, [...(reviewsOf.get(key) ?? []), v.data]);
  }
  const byRule = new Map<string, RuleDocument[]>();
  for (const d of docs) {
    const key = `${d.community_id}\u0000${d.record_uid}`;
    byRule.set(key, [...(byRule.get(key) ?? []), { uid: d.uid, kind: d.kind, fileName: d.file_name, sha256: d.sha256, size: d.size }]);
  }
  const counts = Object.fromEntries(ruleFilingStatuses.map((s) => [s, 0])) as Record<RuleFilingStatus, number>;
  const out = found.map((r) => {
    counts[r.status] += 1;
    const d = r.data;
    return {
      communityId: r.community_id,
      communityName: r.name,
      uid: r.uid,
      kind: d.kind,
      title: d.title,
      stage: d.stage,
      adoptedOn: d.adoptedOn,
      filingDue: d.filingDue,
      filedOn: d.filedOn,
      status: r.status,
      filingReport: {
        adoptedOn: d.adoptedOn,
        presentCount: d.presentCount,
        womenPresent: d.womenPresent,
        delegationBasis: d.delegationBasis,
        filingAuthority: d.filingAuthority,
        filedOn: d.filedOn,
        filingReceiptNo: d.filingReceiptNo,
        publishedOn: d.publishedOn,
      },
      steps: d.steps ?? [],
      latestReview: r.review,
      reviews: reviewsOf.get(`${r.community_id}\u0000${r.uid}`) ?? [],
      documents: byRule.get(`${r.community_id}\u0000${r.uid}`) ?? [],
    };
  });
  return { rows: out, counts };
}
