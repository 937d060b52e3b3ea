import { describe, expect, it } from 'vitest';
import { contract } from '../../core/contract';
import { verifyAuditChain } from '../../db/audit';
import { dispatch, handlers } from '../../electron/api/dispatch';
import { openTemp } from '../support/db';
import { makeId } from '../support/ids';

async function call(ctx: ReturnType<typeof openTemp>['ctx'], name: string, input: unknown) {
  const envelope = await dispatch(ctx, name, input);
  // Every successful output must satisfy the contract's own output schema.
  if (envelope.ok) expect(contract[name as keyof typeof contract].output.safeParse(envelope.value).success).toBe(true);
  return envelope;
}

async function value<T = any>(ctx: ReturnType<typeof openTemp>['ctx'], name: string, input: unknown): Promise<T> {
  const r = await call(ctx, name, input);
  if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
  return r.value as T;
}

describe('经由同一调度的全部操作', () => {
  it('has a handler for every call in the contract and nothing else', () => {
    expect(Object.keys(handlers).sort()).toEqual(Object.keys(contract).sort());
  });

  it('creates, renames and switches organizations', async () => {
    const { ctx } = openTemp();
    const a = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    const b = await value(ctx, 'organizations.create', { name: '东村', kind: '村' });
    expect((await value(ctx, 'organizations.list', {})).currentId).toBe(a.id);
    await value(ctx, 'organizations.setCurrent', { id: b.id });
    await value(ctx, 'organizations.rename', { id: b.id, name: '东风村' });
    const list = await value(ctx, 'organizations.list', {});
    expect(list.currentId).toBe(b.id);
    expect(list.items.map((o: { name: string }) => o.name)).toEqual(['幸福社区', '东风村']);
    const dup = await call(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    expect(dup).toEqual({ ok: false, error: { code: 'CONFLICT', message: '已经有名为“幸福社区”的议事主体，请换一个名称' } });
  });

  it('adds people, masks numbers, reveals one, finds by pinyin, marks moved away', async () => {
    const { ctx } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    const idNumber = makeId('1958-07-01', '男');
    const zs = await value(ctx, 'people.create', { orgId: org.id, name: '张三', idNumber, phone: '13812345678', householdNo: '0101', tags: ['党员'] });
    expect(zs).toMatchObject({
      gender: '男',
      birthDate: '1958-07-01',
      idNumberMasked: `330203********${idNumber.slice(-4)}`,
      phoneMasked: '138****5678',
      householdNo: '0101',
    });
    expect(JSON.stringify(zs)).not.toContain(idNumber);
    await value(ctx, 'people.create', { orgId: org.id, name: '曾小明' });
    await value(ctx, 'people.create', { orgId: org.id, name: '区志坚', householdNo: '0102' });

    const byInitials = await value(ctx, 'people.list', { orgId: org.id, query: 'zs' });
    expect(byInitials.items.map((p: { name: string }) => p.name)).toEqual(['张三']);
    expect((await value(ctx, 'people.list', { orgId: org.id, query: 'zxm' })).items[0].name).toBe('曾小明');
    expect((await value(ctx, 'people.list', { orgId: org.id, query: 'ouzhi' })).items[0].name).toBe('区志坚');
    expect((await value(ctx, 'people.list', { orgId: org.id, query: '%' })).total).toBe(0);
    expect((await value(ctx, 'people.list', { orgId: org.id, tag: '党员' })).total).toBe(1);

    expect(await value(ctx, 'people.reveal', { id: zs.id })).toEqual({ id: zs.id, idNumber, phone: '13812345678' });

    await value(ctx, 'people.setStatus', { id: zs.id, status: '迁出', movedAt: '2026-03-01' });
    expect((await value(ctx, 'people.list', { orgId: org.id })).total).toBe(2);
    expect((await value(ctx, 'people.list', { orgId: org.id, status: '迁出' })).items[0]).toMatchObject({ name: '张三', movedAt: '2026-03-01' });

    const sorted = await value(ctx, 'people.list', { orgId: org.id, status: '全部', sortField: 'name', sortOrder: 'descend', pageSize: 2, page: 1 });
    expect(sorted.total).toBe(3);
    // Names sort by pinyin: zhangsan > zengxiaoming > ouzhijian.
    expect(sorted.items.map((p: { name: string }) => p.name)).toEqual(['张三', '曾小明']);
  });

  it('refuses bad input with a Chinese message and changes nothing', async () => {
    const { ctx, db } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    const count = () => db.sqlite.prepare('select (select count(*) from people) + (select count(*) from audit_log)').pluck().get();
    const before = count();
    const cases: [string, unknown, string][] = [
      ['people.create', { orgId: org.id, name: '张三', idNumber: '330203195807011230' }, 'INVALID_INPUT'],
      ['people.create', { orgId: org.id, name: '' }, 'INVALID_INPUT'],
      ['people.create', { orgId: 999, name: '张三' }, 'NOT_FOUND'],
      ['people.create', { orgId: org.id, name: 'x'.repeat(100_000) }, 'INVALID_INPUT'],
      ['people.create', { orgId: org.id, name: '张三', birthDate: '2026-02-30' }, 'INVALID_INPUT'],
      ['people.create', { orgId: org.id, name: '张三\u0007' }, 'INVALID_INPUT'],
      ['people.update', { id: 12345, name: '李四' }, 'NOT_FOUND'],
      ['people.reveal', { id: -1 }, 'INVALID_INPUT'],
      ['people.list', null, 'INVALID_INPUT'],
      ['organizations.rename', { id: 77, name: '新名' }, 'NOT_FOUND'],
      ['no.such.call', {}, 'UNKNOWN_CALL'],
      ['toString', {}, 'UNKNOWN_CALL'],
    ];
    for (const [name, input, code] of cases) {
      const r = await call(ctx, name, input);
      expect(r.ok, name).toBe(false);
      if (!r.ok) {
        expect(r.error.code, `${name} ${JSON.stringify(input)?.slice(0, 60)}`).toBe(code);
        expect(r.error.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(r.error.message).not.toMatch(/SQLITE|undefined|Error/);
      }
    }
    expect(count()).toBe(before);
  });

  it('refuses a second person with the same ID number', async () => {
    const { ctx } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    const idNumber = makeId('1970-01-01', '女');
    await value(ctx, 'people.create', { orgId: org.id, name: '李梅', idNumber });
    const r = await call(ctx, 'people.create', { orgId: org.id, name: '李梅梅', idNumber });
    expect(r.ok === false && r.error.code).toBe('CONFLICT');
  });

  it('writes an audit entry for every write, in a verifiable and append-only chain', async () => {
    const { ctx, db } = openTemp();
    const org = await value(ctx, 'organizations.create', { name: '幸福社区', kind: '社区' });
    const p = await value(ctx, 'people.create', { orgId: org.id, name: '张三' });
    await value(ctx, 'people.update', { id: p.id, phone: '13900001111' });
    await value(ctx, 'people.reveal', { id: p.id });
    const shipped = db.sqlite.prepare("select count(*) from audit_log where actor = '议事厅（内置规则）'").pluck().get() as number;
    expect(shipped).toBeGreaterThan(0);
    const actions = db.sqlite.prepare("select action from audit_log where actor = '测试书记员' order by id").pluck().all();
    expect(actions).toEqual(['user.create', 'organization.create', 'person.create', 'person.update', 'person.reveal']);
    const update = db.sqlite.prepare("select before_json, after_json, actor from audit_log where action = 'person.update'").get() as Record<string, string>;
    expect(JSON.parse(update.before_json!).phone).toBeNull();
    expect(JSON.parse(update.after_json!).phone).toBe('139****1111');
    expect(update.actor).toBe('测试书记员');
    expect(await value(ctx, 'system.verifyAudit', {})).toEqual({ entries: shipped + 5, ok: true, brokenAt: null });
    const personEntry = db.sqlite.prepare("select id from audit_log where action = 'person.create'").pluck().get() as number;

    expect(() => db.sqlite.prepare('update audit_log set actor = ? where id = ?').run('别人', personEntry)).toThrow(/操作记录不能修改/);
    expect(() => db.sqlite.prepare('delete from audit_log').run()).toThrow(/操作记录不能删除/);

    // Someone editing the file with another tool must drop the triggers first; the chain still shows it.
    db.sqlite.exec('drop trigger audit_log_no_update');
    db.sqlite.prepare("update audit_log set after_json = '{}' where id = ?").run(personEntry);
    expect(verifyAuditChain(db)).toEqual({ entries: shipped + 5, ok: false, brokenAt: personEntry });
  });
});
