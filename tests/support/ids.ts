// Builds valid 18-digit ID numbers for tests (GB 11643 check digit), so fixtures never carry
// a real person's number.
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

export function withCheckDigit(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * WEIGHTS[i]!, 0);
  return first17 + '10X98765432'[sum % 11];
}

/** region 330203, the birth date given, sequence 12 and a gender digit (odd = 男). */
export function makeId(birth: string, gender: '男' | '女', region = '330203'): string {
  return withCheckDigit(`${region}${birth.replace(/-/g, '')}12${gender === '男' ? '3' : '4'}`);
}
