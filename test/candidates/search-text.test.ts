import fc from 'fast-check';
import { foldForSearch } from '../../src/modules/candidate';

// The fold as a chain of string operations (the rule the table of foldForSearch is built from).
const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th' };
const reference = (text: string) =>
  text
    .toLowerCase()
    .replace(/[øæœßđðłþ]/g, (letter) => LETTERS[letter])
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();

describe('foldForSearch', () => {
  it('should fold the examples of the search and the duplicate check', () => {
    expect(foldForSearch('Søren Østergård')).toBe('soren ostergard');
    expect(foldForSearch('  Ekström\u00a0\tÆrø  ')).toBe('ekstrom aero');
    expect(foldForSearch('İstanbul ŁÓDŹ Þór')).toBe('istanbul lodz thor');
    expect(foldForSearch('ΟΔΥΣΣΕΥΣ')).toBe('οδυσσευς');
  });

  it('should fold every character below U+0370, alone and between others, as the chain of string operations does', () => {
    for (let code = 0; code < 0x370; code += 1) {
      for (const text of [String.fromCharCode(code), ` a${String.fromCharCode(code)}b `, `${String.fromCharCode(code)} x`]) {
        expect([code, foldForSearch(text)]).toEqual([code, reference(text)]);
      }
    }
  });

  it('should fold any text as the chain does (Latin, marks, white space, Greek final sigma, other scripts, astral)', () => {
    const unit = fc.oneof(
      fc.integer({ min: 0, max: 0x36f }).map((code) => String.fromCharCode(code)),
      fc.constantFrom(' ', '\t', '\n', '\u00a0', '\u2003', '\u3000', 'Σ', 'σ', 'Ω', 'Ж', '中', '\u{1D49C}', 'ﬁ', 'Å', 'å'),
    );
    const text = fc.array(unit, { maxLength: 16 }).map((units) => units.join(''));
    fc.assert(
      fc.property(text, (value) => foldForSearch(value) === reference(value)),
      { numRuns: 20_000 },
    );
  });
});
