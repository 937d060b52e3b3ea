import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contract } from '../../core/contract';
import { cleanText, hasInvisibleFormat, hasLoneSurrogate } from '../../core/contract/clean-text';
import { line, nameLine, paragraph, requiredLine, requiredName } from '../../core/contract/common';
import { normalizeImportRow } from '../../core/roster/normalize';
import type { ImportRow } from '../../core/roster/fields';

const INVISIBLE = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u200B',
  '\u200C',
  '\u200D',
  '\u2060',
  '\uFEFF',
];
const DECOMPOSED = '张e\u0301'; // é as e + combining acute
const COMPOSED = '张\u00E9';

/** Text with Chinese, combining marks, invisible format characters and astral characters mixed in. */
const messyText = fc
  .array(fc.oneof(fc.constantFrom('张', '三', 'a', ' ', 'e\u0301', '\u00E9', '𠀀', '👍', ...INVISIBLE), fc.string({ unit: 'binary-ascii', maxLength: 3 })), {
    maxLength: 20,
  })
  .map((parts) => parts.join(''));
const loneSurrogate = fc.constantFrom('\uD800', '\uDBFF', '\uDC00', '\uDFFF');

describe('clean text (issue 14 item 7)', () => {
  it('examples: NFC, strip in lines, refuse in names, lone surrogates refused', () => {
    expect(line('议题', 50).parse(` ${DECOMPOSED} `)).toBe(COMPOSED);
    expect(line('议题', 50).parse('修\u200B路\u202E议题\uFEFF')).toBe('修路议题');
    expect(paragraph('说明', 50).parse('第一行\n\u200D第二行')).toBe('第一行\n第二行');
    expect(requiredName('姓名', 20).parse(DECOMPOSED)).toBe(COMPOSED);
    const zw = requiredName('姓名', 20).safeParse('张\u200B三');
    expect(zw.success).toBe(false);
    expect(zw.error?.issues[0]?.message).toMatch(/^姓名含有看不见的格式字符/);
    expect(nameLine('主持人', 20).safeParse('\u202E三张').success).toBe(false);
    const half = requiredLine('会议名称', 20).safeParse('会议\uD800');
    expect(half.success).toBe(false);
    expect(half.error?.issues[0]?.message).toMatch(/^会议名称含有无法识别的字符/);
    expect(paragraph('说明', 50).safeParse('\uDC00').success).toBe(false);
    // A title made only of invisible characters is empty once stripped.
    expect(requiredLine('会议名称', 20).safeParse('\u200B\u200B').success).toBe(false);
    // Whole characters outside the BMP are fine.
    expect(line('议题', 20).parse('𠀀家村')).toBe('𠀀家村');
  });

  it('the contract uses them: a person name refuses, a meeting title strips', () => {
    const person = contract['people.create'].input.safeParse({ orgId: 1, name: '李\u200D四' });
    expect(person.success).toBe(false);
    const user = contract['users.create'].input.safeParse({ name: '\u2066王五\u2069', role: '文书' });
    expect(user.success).toBe(false);
    const org = contract['organizations.create'].input.safeParse({ name: '幸福\uFEFF社区', kind: '社区' });
    expect(org.success).toBe(false);
  });

  it('property: every accepted line is NFC, without invisible format characters, lone surrogates or outer spaces', () => {
    const schema = line('标题', 1000);
    fc.assert(
      fc.property(messyText, (s) => {
        const r = schema.safeParse(s);
        if (!r.success) return;
        expect(r.data).toBe(r.data.normalize('NFC'));
        expect(hasInvisibleFormat(r.data)).toBe(false);
        expect(hasLoneSurrogate(r.data)).toBe(false);
        expect(r.data).toBe(r.data.trim());
        // Idempotent: cleaning again changes nothing.
        expect(schema.parse(r.data)).toBe(r.data);
      }),
      { numRuns: 500 },
    );
  });

  it('property: a name is accepted exactly when it has no invisible format characters (and is otherwise valid), and comes back NFC', () => {
    const schema = nameLine('姓名', 1000);
    fc.assert(
      fc.property(messyText, (s) => {
        const r = schema.safeParse(s);
        if (hasInvisibleFormat(s)) expect(r.success).toBe(false);
        if (r.success) {
          expect(r.data).toBe(s.trim().normalize('NFC').trim());
          expect(hasInvisibleFormat(r.data)).toBe(false);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('property: any text with a lone surrogate is refused by line, name and paragraph', () => {
    fc.assert(
      fc.property(messyText, loneSurrogate, messyText, (a, half, b) => {
        // Keep the surrogate alone: a high one followed by a low one would make a whole character.
        const s = `${a}${half}x${b}`;
        fc.pre(hasLoneSurrogate(s));
        expect(line('标题', 1000).safeParse(s).success).toBe(false);
        expect(nameLine('姓名', 1000).safeParse(s).success).toBe(false);
        expect(paragraph('说明', 1000).safeParse(s).success).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it('property: cleanText is idempotent and leaves nothing invisible', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), messyText, (a, b) => {
        const c = cleanText(a + b);
        expect(cleanText(c)).toBe(c);
        expect(hasInvisibleFormat(c)).toBe(false);
      }),
    );
  });

  it('roster rows get the same treatment', () => {
    const row = (fields: Partial<ImportRow>): ImportRow => ({
      name: '',
      gender: '',
      birthDate: '',
      idNumber: '',
      phone: '',
      householdNo: '',
      groupName: '',
      tags: '',
      note: '',
      ...fields,
    });
    const ok = normalizeImportRow(row({ name: DECOMPOSED, groupName: '第一\u200B组', note: '\u202E备注' }), '2026-01-01');
    expect(ok.errors).toEqual([]);
    expect(ok.person.name).toBe(COMPOSED);
    expect(ok.person.groupName).toBe('第一组');
    expect(ok.person.note).toBe('备注');
    const hidden = normalizeImportRow(row({ name: '张\u200B三' }), '2026-01-01');
    expect(hidden.errors.map((e) => e.field)).toEqual(['name']);
    expect(hidden.errors[0]!.message).toMatch(/看不见的格式字符/);
    const half = normalizeImportRow(row({ name: '张\uD800' }), '2026-01-01');
    expect(half.errors).toHaveLength(1);
    expect(half.errors[0]!.message).toMatch(/无法识别的字符/);
    fc.assert(
      fc.property(messyText, messyText, (name, note) => {
        const r = normalizeImportRow(row({ name, note }), '2026-01-01');
        for (const v of [r.person.name, r.person.note]) {
          expect(v).toBe(v.normalize('NFC'));
          if (!r.errors.length) expect(hasInvisibleFormat(v)).toBe(false);
        }
        if (hasInvisibleFormat(name)) expect(r.errors.some((e) => e.field === 'name')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
