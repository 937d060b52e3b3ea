import { z } from 'zod';
import { line, paragraph, requiredLine } from '../contract/common';
import { meets, minimumCount, thresholdWords, type Threshold } from './fraction';

/** Who counts toward 应到. */
export const attendeeBases = ['body', 'adults', 'households', 'groupRepresentatives'] as const;
export type AttendeeBasis = (typeof attendeeBases)[number];
export const basisLabels: Record<AttendeeBasis, string> = {
  body: '机构成员（如村民代表、党员）',
  adults: '年满十八周岁的居民（村民）',
  households: '户代表（每户一人）',
  groupRepresentatives: '各居民小组推选的代表',
};

export const fractionSchema = z
  .object({
    num: z.number({ error: '比例的分子应为数字' }).int({ error: '比例的分子应为整数' }),
    den: z.number({ error: '比例的分母应为数字' }).int({ error: '比例的分母应为整数' }),
  })
  .strict()
  .refine((f) => f.den !== 0, { error: '比例的分母不能为零' })
  .refine((f) => f.den < 0 || f.num > 0, { error: '比例应大于零' })
  .refine((f) => f.den > 0, { error: '比例的分母应大于零' })
  .refine((f) => f.num <= f.den, { error: '比例不能大于 1（分子不能大于分母）' });

export const thresholdSchema = z
  .object({
    fraction: fractionSchema,
    comparison: z.enum(['atLeast', 'moreThan'], { error: '请选择“以上（含本数）”或“超过（不含本数）”' }),
  })
  .strict();

export const ruleSetDefinitionSchema = z
  .object({
    /** Law-facing name of the meeting: 村民会议, 居民代表会议, 党员大会… */
    meetingKind: requiredLine('会议类别', 30),
    lawVersion: z.enum(['2018', '2025']).nullable(),
    /** False where the numbers are local practice or user-configured, not a statute. */
    statutory: z.boolean(),
    /** One or more ways to count who should attend; the meeting picks one (村民会议: 18+ or households). */
    bases: z
      .array(z.object({ basis: z.enum(attendeeBases), quorum: thresholdSchema.nullable() }).strict())
      .min(1, { error: '至少要有一种应到人员的计算方式' })
      .max(4),
    pass: thresholdSchema.extend({
      /** present = 实到 (most meetings); roll = 应到 (Party branch: 应到会有表决权的党员). */
      denominator: z.enum(['present', 'roll']),
    }),
    tieFails: z.boolean(),
    noticeDays: z.number().int().min(0, { error: '通知天数不能为负数' }).max(90, { error: '通知天数不能超过 90 天' }).nullable(),
    /** Whether a meeting may be convened at short notice for a special circumstance. */
    urgentAllowed: z.boolean(),
    source: z
      .object({
        law: line('法律依据', 100),
        articles: line('条款', 60),
        text: paragraph('条文', 2000),
        /** The article that sets publicityDays (2025: 村民委员会组织法第三十五条, 城市居民委员会组织法第三十四条). */
        publicityArticles: line('公示期条款', 60).optional(),
      })
      .strict(),
    /** Options votes (方案一 / 方案二): majority of the pass rule, or plurality where the type allows. */
    optionsMode: z.enum(['majority', 'plurality']).default('majority'),
    /** Written proxies (委托书): none of the statutes provides them for these meetings, so off by default. */
    proxies: z
      .object({
        allowed: z.boolean(),
        maxPerHolder: z.number().int().min(1, { error: '每人最多受托人数至少为 1' }).max(10, { error: '每人最多受托人数不能超过 10' }),
      })
      .strict()
      .default({ allowed: false, maxPerHolder: 1 }),
    /** Minimum days a decision is posted publicly (2025 texts: 不少于十五日); null where no law sets one. */
    publicityDays: z.number().int().min(1).max(365).nullable().default(null),
    /** Seconders a motion needs before it can be discussed (南塘议事规则 and similar); 0 = none. */
    secondersRequired: z.number().int().min(0).max(20).default(0),
  })
  .strict();
export type RuleSetDefinition = z.infer<typeof ruleSetDefinitionSchema>;

export interface QuorumStatus {
  expected: number;
  present: number;
  required: number;
  met: boolean;
  missing: number;
  /** e.g. "须三分之二以上，即至少 30 人" or "本类会议无法定人数要求". */
  rule: string;
}

export function quorumStatus(quorum: Threshold | null, expected: number, present: number): QuorumStatus {
  if (!quorum) {
    return { expected, present, required: 0, met: true, missing: 0, rule: '本类会议没有法定人数要求' };
  }
  const required = minimumCount(expected, quorum);
  const met = meets(present, expected, quorum);
  return {
    expected,
    present,
    required,
    met,
    missing: met ? 0 : required - present,
    rule: `须应到人数的${thresholdWords(quorum)}，即至少 ${required} 人`,
  };
}

/** Which version applies on a date: the law amended 2025-10-28 applies from 2026-01-01. */
export function versionInForce<T extends { effectiveFrom: string | null; effectiveTo: string | null }>(versions: readonly T[], date: string): T | null {
  // The last one in force wins: a shipped correction (a new label for the same period, as the
  // 党员大会 quorum's 半数以上 was corrected) is added after the version it replaces, which stays
  // for the meetings already held under it (they keep their own snapshot either way).
  return versions.findLast((v) => (v.effectiveFrom == null || v.effectiveFrom <= date) && (v.effectiveTo == null || date <= v.effectiveTo)) ?? null;
}
