// Folds text for search: lower case, Nordic letters spelled out, accents removed.
// "Søren Østergård" → "soren ostergard"; "Ekström" → "ekstrom".
const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th' };

export function foldForSearch(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæœßđðłþ]/g, (letter) => LETTERS[letter])
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ')
    .trim();
}
