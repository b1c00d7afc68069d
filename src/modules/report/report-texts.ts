import { Locale } from '../../common/locale';
import type { LeadershipLevel } from '../mandate';
import type { PresentedEntryChange } from '../shortlist';

// Every text of the report, in the four languages, in one table: a missing translation is a
// compile error, not an English word in a Swedish report.
export interface ReportTexts {
  htmlLang: string;
  // The locale Intl formats numbers and dates with.
  intlLocale: string;
  title: string;
  cover: { firm: string; client: string; role: string; level: string; published: string; publication: string; lead: string };
  levels: Record<LeadershipLevel, string>;
  candidatesHeading: string;
  comparisonHeading: string;
  competenciesHeading: string;
  howFitHeading: string;
  howFit: string[];
  fit: string;
  coverage: string;
  mustHaves: string;
  mustHavesMet: { yes: string; no: string; unknown: string };
  languages: string;
  note: string;
  change: Record<PresentedEntryChange, string>;
  chart: {
    score: string;
    target: string;
    minimum: string;
    notAssessed: string;
    interviewers: string;
    disagreement: string;
    competency: string;
  };
  table: { competency: string; weight: string; target: string; minimum: string; score: string; interviewers: string; reads: string };
  agreement: string;
  agreementReadings: Record<string, string>;
  noCandidates: string;
  notAssessed: string;
  disagreementNote: string;
  footer: string;
}

export const REPORT_TEXTS: Record<Locale, ReportTexts> = {
  [Locale.EN]: {
    htmlLang: 'en',
    intlLocale: 'en-GB',
    title: 'Shortlist report',
    cover: {
      firm: 'Search firm',
      client: 'Client',
      role: 'Role',
      level: 'Leadership level',
      published: 'Published',
      publication: 'Publication',
      lead: 'Lead consultant',
    },
    levels: { EXECUTIVE: 'Executive (strategic)', SENIOR: 'Senior (tactical)', FRONTLINE: 'Frontline (operational)' },
    candidatesHeading: 'Candidates',
    comparisonHeading: 'Comparison',
    competenciesHeading: 'Competencies',
    howFitHeading: 'How fit is computed',
    howFit: [
      'Each competency the role weighs has a target level from 1 to 5. Attainment is how far a candidate gets from 1 to the target; above the target earns nothing more.',
      'Fit is the weighted mean attainment over the competencies that were assessed, as a percentage.',
      'Coverage is the share of the weights that was assessed: a fit with low coverage rests on little.',
      'Must-haves are minimum levels; they are met when every one is assessed at or above its minimum.',
      'Each score is the mean of the interviewers who rated it; disagreement means two of them were 2 or more points apart.',
    ],
    fit: 'Fit',
    coverage: 'Coverage',
    mustHaves: 'Must-haves',
    mustHavesMet: { yes: 'met', no: 'not met', unknown: 'not yet assessed' },
    languages: 'Languages',
    note: "Consultant's note",
    change: { NEW: 'New', CHANGED: 'Changed', UNCHANGED: '' },
    chart: {
      score: 'Score',
      target: 'Target',
      minimum: 'Minimum',
      notAssessed: 'not assessed',
      interviewers: 'interviewers',
      disagreement: 'disagreement',
      competency: 'Competency',
    },
    table: {
      competency: 'Competency',
      weight: 'Weight',
      target: 'Target',
      minimum: 'Minimum',
      score: 'Score',
      interviewers: 'Interviewers',
      reads: 'What the score looks like',
    },
    agreement: "Interviewers' agreement",
    agreementReadings: { RELIABLE: 'reliable', TENTATIVE: 'tentative', UNRELIABLE: 'unreliable', INSUFFICIENT_DATA: 'too little data' },
    noCandidates: 'No candidates are on this shortlist.',
    notAssessed: 'Not assessed',
    disagreementNote: 'Interviewers disagree',
    footer: 'Confidential. Prepared for the client named above.',
  },
  [Locale.NB]: {
    htmlLang: 'nb',
    intlLocale: 'nb-NO',
    title: 'Kandidatrapport',
    cover: {
      firm: 'Rekrutteringsfirma',
      client: 'Oppdragsgiver',
      role: 'Stilling',
      level: 'Ledernivå',
      published: 'Publisert',
      publication: 'Publisering',
      lead: 'Ansvarlig konsulent',
    },
    levels: { EXECUTIVE: 'Toppleder (strategisk)', SENIOR: 'Mellomleder (taktisk)', FRONTLINE: 'Førstelinjeleder (operativ)' },
    candidatesHeading: 'Kandidater',
    comparisonHeading: 'Sammenligning',
    competenciesHeading: 'Kompetanser',
    howFitHeading: 'Slik beregnes match',
    howFit: [
      'Hver kompetanse stillingen vekter, har et målnivå fra 1 til 5. Måloppnåelse er hvor langt kandidaten kommer fra 1 mot målet; over målet gir ikke mer.',
      'Match er vektet gjennomsnittlig måloppnåelse over kompetansene som er vurdert, i prosent.',
      'Dekning er andelen av vektene som er vurdert: en match med lav dekning hviler på lite.',
      'Absolutte krav er minstenivåer; de er oppfylt når alle er vurdert til minst sitt minstenivå.',
      'Hver score er snittet av intervjuerne som vurderte den; uenighet betyr at to av dem lå 2 poeng eller mer fra hverandre.',
    ],
    fit: 'Match',
    coverage: 'Dekning',
    mustHaves: 'Absolutte krav',
    mustHavesMet: { yes: 'oppfylt', no: 'ikke oppfylt', unknown: 'ikke vurdert ennå' },
    languages: 'Språk',
    note: 'Konsulentens notat',
    change: { NEW: 'Ny', CHANGED: 'Endret', UNCHANGED: '' },
    chart: {
      score: 'Score',
      target: 'Mål',
      minimum: 'Minimum',
      notAssessed: 'ikke vurdert',
      interviewers: 'intervjuere',
      disagreement: 'uenighet',
      competency: 'Kompetanse',
    },
    table: {
      competency: 'Kompetanse',
      weight: 'Vekt',
      target: 'Mål',
      minimum: 'Minimum',
      score: 'Score',
      interviewers: 'Intervjuere',
      reads: 'Slik ser scoren ut',
    },
    agreement: 'Intervjuernes samstemthet',
    agreementReadings: { RELIABLE: 'pålitelig', TENTATIVE: 'foreløpig', UNRELIABLE: 'upålitelig', INSUFFICIENT_DATA: 'for lite data' },
    noCandidates: 'Ingen kandidater står på denne listen.',
    notAssessed: 'Ikke vurdert',
    disagreementNote: 'Intervjuerne er uenige',
    footer: 'Konfidensielt. Utarbeidet for oppdragsgiveren nevnt over.',
  },
  [Locale.DA]: {
    htmlLang: 'da',
    intlLocale: 'da-DK',
    title: 'Kandidatrapport',
    cover: {
      firm: 'Rekrutteringsfirma',
      client: 'Kunde',
      role: 'Stilling',
      level: 'Ledelsesniveau',
      published: 'Offentliggjort',
      publication: 'Udgave',
      lead: 'Ansvarlig konsulent',
    },
    levels: { EXECUTIVE: 'Topleder (strategisk)', SENIOR: 'Mellemleder (taktisk)', FRONTLINE: 'Førstelinjeleder (operativ)' },
    candidatesHeading: 'Kandidater',
    comparisonHeading: 'Sammenligning',
    competenciesHeading: 'Kompetencer',
    howFitHeading: 'Sådan beregnes match',
    howFit: [
      'Hver kompetence, stillingen vægter, har et målniveau fra 1 til 5. Målopfyldelse er, hvor langt kandidaten når fra 1 mod målet; over målet giver ikke mere.',
      'Match er den vægtede gennemsnitlige målopfyldelse over de vurderede kompetencer, i procent.',
      'Dækning er den andel af vægtene, der er vurderet: et match med lav dækning hviler på lidt.',
      'Skal-krav er minimumsniveauer; de er opfyldt, når alle er vurderet til mindst deres minimum.',
      'Hver score er gennemsnittet af de interviewere, der vurderede den; uenighed betyder, at to af dem lå 2 point eller mere fra hinanden.',
    ],
    fit: 'Match',
    coverage: 'Dækning',
    mustHaves: 'Skal-krav',
    mustHavesMet: { yes: 'opfyldt', no: 'ikke opfyldt', unknown: 'endnu ikke vurderet' },
    languages: 'Sprog',
    note: 'Konsulentens note',
    change: { NEW: 'Ny', CHANGED: 'Ændret', UNCHANGED: '' },
    chart: {
      score: 'Score',
      target: 'Mål',
      minimum: 'Minimum',
      notAssessed: 'ikke vurderet',
      interviewers: 'interviewere',
      disagreement: 'uenighed',
      competency: 'Kompetence',
    },
    table: {
      competency: 'Kompetence',
      weight: 'Vægt',
      target: 'Mål',
      minimum: 'Minimum',
      score: 'Score',
      interviewers: 'Interviewere',
      reads: 'Sådan ser scoren ud',
    },
    agreement: 'Interviewernes enighed',
    agreementReadings: { RELIABLE: 'pålidelig', TENTATIVE: 'foreløbig', UNRELIABLE: 'upålidelig', INSUFFICIENT_DATA: 'for få data' },
    noCandidates: 'Der er ingen kandidater på denne liste.',
    notAssessed: 'Ikke vurderet',
    disagreementNote: 'Interviewerne er uenige',
    footer: 'Fortroligt. Udarbejdet til kunden nævnt ovenfor.',
  },
  [Locale.SV]: {
    htmlLang: 'sv',
    intlLocale: 'sv-SE',
    title: 'Kandidatrapport',
    cover: {
      firm: 'Rekryteringsföretag',
      client: 'Uppdragsgivare',
      role: 'Tjänst',
      level: 'Ledarnivå',
      published: 'Publicerad',
      publication: 'Publicering',
      lead: 'Ansvarig konsult',
    },
    levels: { EXECUTIVE: 'Högsta ledning (strategisk)', SENIOR: 'Mellanchef (taktisk)', FRONTLINE: 'Första linjens chef (operativ)' },
    candidatesHeading: 'Kandidater',
    comparisonHeading: 'Jämförelse',
    competenciesHeading: 'Kompetenser',
    howFitHeading: 'Så beräknas matchning',
    howFit: [
      'Varje kompetens som tjänsten väger har en målnivå från 1 till 5. Måluppfyllelse är hur långt kandidaten når från 1 mot målet; över målet ger inget mer.',
      'Matchning är den viktade genomsnittliga måluppfyllelsen över de bedömda kompetenserna, i procent.',
      'Täckning är andelen av vikterna som har bedömts: en matchning med låg täckning vilar på lite.',
      'Ska-krav är miniminivåer; de är uppfyllda när alla är bedömda till minst sin miniminivå.',
      'Varje poäng är medelvärdet av de intervjuare som bedömde den; oenighet betyder att två av dem låg 2 poäng eller mer isär.',
    ],
    fit: 'Matchning',
    coverage: 'Täckning',
    mustHaves: 'Ska-krav',
    mustHavesMet: { yes: 'uppfyllda', no: 'inte uppfyllda', unknown: 'inte bedömda än' },
    languages: 'Språk',
    note: 'Konsultens kommentar',
    change: { NEW: 'Ny', CHANGED: 'Ändrad', UNCHANGED: '' },
    chart: {
      score: 'Poäng',
      target: 'Mål',
      minimum: 'Minimum',
      notAssessed: 'inte bedömd',
      interviewers: 'intervjuare',
      disagreement: 'oenighet',
      competency: 'Kompetens',
    },
    table: {
      competency: 'Kompetens',
      weight: 'Vikt',
      target: 'Mål',
      minimum: 'Minimum',
      score: 'Poäng',
      interviewers: 'Intervjuare',
      reads: 'Så ser poängen ut',
    },
    agreement: 'Intervjuarnas samstämmighet',
    agreementReadings: {
      RELIABLE: 'tillförlitlig',
      TENTATIVE: 'preliminär',
      UNRELIABLE: 'otillförlitlig',
      INSUFFICIENT_DATA: 'för lite data',
    },
    noCandidates: 'Inga kandidater finns på listan.',
    notAssessed: 'Inte bedömd',
    disagreementNote: 'Intervjuarna är oeniga',
    footer: 'Konfidentiellt. Framtaget för uppdragsgivaren ovan.',
  },
};

// Display figures in the locale's own format: "78 %" in nb/da/sv, "78%" in en; one decimal for scores.
export function formatPercent(texts: ReportTexts, value: number): string {
  return new Intl.NumberFormat(texts.intlLocale, { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatScore(texts: ReportTexts, value: number): string {
  return new Intl.NumberFormat(texts.intlLocale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value);
}

export function formatDate(texts: ReportTexts, value: Date): string {
  return new Intl.DateTimeFormat(texts.intlLocale, { dateStyle: 'long', timeZone: 'UTC' }).format(value);
}
