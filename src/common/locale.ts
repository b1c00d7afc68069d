import { registerEnumType } from 'type-graphql';

export enum Locale {
  EN = 'EN',
  NB = 'NB',
  DA = 'DA',
  SV = 'SV',
}
registerEnumType(Locale, {
  name: 'Locale',
  description: 'Language of rubric texts: English, Norwegian bokmål, Danish, Swedish.',
});

// A text in every locale; stored as one JSON object.
export type LocalizedText = Record<Locale, string>;

// Accept-Language tags that mean each locale ("no" and "nn" read bokmål better than English).
const TAGS: Record<string, Locale> = { en: Locale.EN, nb: Locale.NB, no: Locale.NB, nn: Locale.NB, da: Locale.DA, sv: Locale.SV };

// The locale argument if given; else the best match of Accept-Language by its q-values; else EN.
export function resolveLocale(argument: Locale | null | undefined, acceptLanguage: string | null): Locale {
  if (argument) return argument;
  if (!acceptLanguage) return Locale.EN;
  const ranked = acceptLanguage
    .split(',')
    .map((part, index) => {
      const [tag, ...parameters] = part.trim().split(';');
      const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { language: tag.trim().toLowerCase().split('-')[0], q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && TAGS[entry.language])
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return ranked.length > 0 ? TAGS[ranked[0].language] : Locale.EN;
}
