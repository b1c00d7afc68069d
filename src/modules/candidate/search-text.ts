// Folds text for search: lower case, Nordic letters spelled out, accents removed.
// "Søren Østergård" → "soren ostergard"; "Ekström" → "ekstrom".
const LETTERS: Record<string, string> = { ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ð: 'd', ł: 'l', þ: 'th' };

// The rule, for any text: every step but the last two acts on each character alone, except
// lower-casing a Greek capital sigma (final or not) and the decomposition's reordering of marks,
// which are dropped anyway.
function foldCharacters(text: string): string {
  return text
    .toLowerCase()
    .replace(/[øæœßđðłþ]/g, (letter) => LETTERS[letter])
    .normalize('NFD')
    .replace(/\p{M}/gu, '');
}

function foldSlowly(text: string): string {
  return foldCharacters(text).replace(/\s+/g, ' ').trim();
}

// Below Greek (U+0370: Latin with its accents, combining marks, spacing modifiers) each UTF-16
// unit's fold, computed once by the rule: a text of them folds as one pass over a table instead of
// lower-casing, decomposing and two regular expressions (the duplicate check folds ~9,000 names
// and headlines per batch of 500). White space is ' ', null a unit the table cannot say.
const TABLE_END = 0x370;
const FOLDED: (string | null)[] = Array.from({ length: TABLE_END }, (_, code) => {
  const folded = foldCharacters(String.fromCharCode(code));
  if (/^\s+$/.test(folded)) return ' ';
  return /\s/.test(folded) ? null : folded;
});

export function foldForSearch(text: string): string {
  let folded = '';
  let space = false;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    const piece = code < TABLE_END ? FOLDED[code] : null;
    if (piece === null) return foldSlowly(text);
    if (piece === ' ') {
      // Runs of white space become one space; none at either end.
      space = folded !== '';
    } else if (piece !== '') {
      if (space) folded += ' ';
      folded += piece;
      space = false;
    }
  }
  return folded;
}
