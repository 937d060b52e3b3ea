import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesName, pinyinKeys } from '../../core/pinyin';

describe('拼音搜索', () => {
  it.each([
    ['张三', 'zs'],
    ['张三', 'zhangsan'],
    ['张三', 'zhang'],
    ['张三', 'ZS'],
    ['曾小明', 'zxm'],
    ['曾小明', 'zengxiaoming'],
    ['单雄信', 'sxx'],
    ['单雄信', 'shanxiongxin'],
    ['仇英', 'qy'],
    ['仇英', 'qiuying'],
    ['区志坚', 'ozj'],
    ['区志坚', 'ouzhijian'],
    ['吕布', 'lvbu'],
    ['张三', '张'],
    ['张三', '三'],
  ])('%s is found by “%s”', (name, query) => {
    expect(matchesName(name, query)).toBe(true);
  });

  it.each([
    ['张三', 'ls'],
    ['李四', 'zs'],
    ['张三', 'hangsan'],
  ])('%s is not found by “%s”', (name, query) => {
    expect(matchesName(name, query)).toBe(false);
  });

  it('reads the surnames 曾、单、仇、区 as surnames', () => {
    expect(pinyinKeys('曾小明').split(' ')[0]).toBe('zengxiaoming');
    expect(pinyinKeys('单雄信').split(' ')[0]).toBe('shanxiongxin');
    expect(pinyinKeys('仇英').split(' ')[0]).toBe('qiuying');
    expect(pinyinKeys('区志坚').split(' ')[0]).toBe('ouzhijian');
  });

  it('every name is found by its own full pinyin and initials', () => {
    const chars = [
      ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤明华国建军秀英兰芳',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { minLength: 2, maxLength: 4 }), (parts) => {
        const name = parts.join('');
        const [full, initials] = pinyinKeys(name).split(' ');
        return matchesName(name, full!) && matchesName(name, initials!);
      }),
      { numRuns: 200 },
    );
  });
});
