/** 四议两公开 matters with their steps in order, and which steps are missing or out of order. */
import { sql } from 'drizzle-orm';
import { matterStepsFor } from '../../../core/followup/data';
import { type MatterRecord } from '../../../exchange';
import { rows, type HubDb } from '../open';
import { communities, matters } from '../schema';
import { inScope, type Scope } from './common';

export interface MatterStepRow {
  step: number;
  name: string;
  date: string | null;
  form: '会议' | '公示';
  done: boolean;
  expected: number | null;
  present: number | null;
}

export interface MatterRow {
  communityId: string;
  communityName: string;
  uid: string;
  title: string;
  category: string | null;
  createdOn: string;
  stepsDone: number;
  /** All six steps, in order, done or not. */
  steps: MatterStepRow[];
  /** Each done step dated no earlier than the one before it, and no step skipped before the last done. */
  inOrder: boolean;
  complete: boolean;
}

export const MATTER_LIST_LIMIT = 1000;

export async function matterSteps(
  db: HubDb,
  q: Scope & { from: string; to: string; incompleteOnly?: boolean | undefined },
): Promise<{ rows: MatterRow[]; total: number; complete: number; outOfOrder: number }> {
  const found = await rows<{
    community_id: string;
    name: string;
    org_kind: string | null;
    uid: string;
    title: string;
    created_on: string;
    steps: MatterRecord['steps'];
    steps_done: number;
    category: string | null;
  }>(
    db,
    sql`select m.community_id, c.name, c.org_kind, m.uid, m.title, m.created_on, m.steps, m.steps_done, m.data->>'category' as category
        from ${matters} m join ${communities} c on c.community_id = m.community_id
        where m.created_on between ${q.from} and ${q.to}${inScope('m', q)}${q.incompleteOnly ? sql` and m.steps_done < 6` : sql``}
        order by m.created_on desc, c.name
        limit ${MATTER_LIST_LIMIT}`,
  );
  const out = found.map((m) => {
    const definitions = matterStepsFor(m.org_kind ?? '村');
    const done = new Map(m.steps.map((s) => [s.step, s]));
    const steps = definitions.map((d) => {
      const s = done.get(d.step);
      return { step: d.step, name: d.name, date: s?.date ?? null, form: d.form, done: !!s, expected: s?.expected ?? null, present: s?.present ?? null };
    });
    const lastDone = Math.max(0, ...steps.filter((s) => s.done).map((s) => s.step));
    let inOrder = steps.slice(0, lastDone).every((s) => s.done);
    let previous = '';
    for (const s of steps) {
      if (!s.date) continue;
      if (s.date < previous) inOrder = false;
      previous = s.date;
    }
    return {
      communityId: m.community_id,
      communityName: m.name,
      uid: m.uid,
      title: m.title,
      category: m.category,
      createdOn: m.created_on,
      stepsDone: m.steps_done,
      steps,
      inOrder,
      complete: steps.every((s) => s.done),
    };
  });
  return { rows: out, total: out.length, complete: out.filter((m) => m.complete).length, outOfOrder: out.filter((m) => !m.inOrder).length };
}
