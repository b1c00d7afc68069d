/**
 * Demo world for Outside-In (development only; never loaded when NODE_ENV=production).
 *
 * Plain, self-contained data with symbolic references (refs and e-mail addresses), no database
 * ids. Everything here is fictional: people, companies, organisation numbers, e-mail domains
 * (.example) and phone numbers. Interview notes are written in English, as the recruiters of
 * both firms do.
 *
 * Conventions:
 * - `ref`s are unique across the whole file (clients `client-…`, candidates `cand-…`,
 *   mandates `mandate-…`; Fjellvik's are prefixed `fv-`).
 * - Every candidacy's `history` starts with the SOURCED move and ends with its current `stage`.
 * - Ratings list all nine competency keys of the default rubric "customer-oriented-leadership";
 *   in a submitted scorecard `score: null` (not assessed) always goes with `evidence: null`; a
 *   draft may hold evidence not scored yet.
 * - All times are ISO-8601 UTC and fall in 2026, before 2026-11-20, except the upcoming interviews
 *   of interview-room.ts, which are dated from the day the data is loaded.
 * - Fjellvik's candidate "Petter Lunde" deliberately has the same e-mail address as Nordlys'
 *   candidate of that name: the same person, known to both firms, stored twice (tenant isolation).
 */

import { withCalibrationPanels } from './calibration-panels';
import { withInterviewRoom } from './interview-room';
import { withTalentPoolMandates } from './demo-talent-pool';

export type LeadershipLevel = 'EXECUTIVE' | 'SENIOR' | 'FRONTLINE';
export type MandateStatus = 'DRAFT' | 'OPEN' | 'PRESENTED' | 'FILLED' | 'CANCELLED';
export type CandidacyStage =
  'SOURCED' | 'SCREENING' | 'INTERVIEWING' | 'SHORTLISTED' | 'PRESENTED' | 'OFFER' | 'PLACED' | 'REJECTED' | 'WITHDRAWN';
export type Recommendation = 'STRONG_NO' | 'NO' | 'YES' | 'STRONG_YES';
export type CompetencyKey =
  | 'CUSTOMER_INSIGHT'
  | 'OUTSIDE_IN'
  | 'FORESIGHT'
  | 'SERVICE_CULTURE'
  | 'EXECUTION'
  | 'LEADS_BY_EXAMPLE'
  | 'ACTS_ON_GAPS'
  | 'LEARNING_ORIENTATION'
  | 'LOYALTY_ECONOMICS';

export interface DemoUser {
  email: string;
  name: string;
  role: 'ADMIN' | 'RECRUITER' | 'CLIENT';
  password: string;
  clientRef?: string;
}
export interface DemoClient {
  ref: string;
  name: string;
  organisationNumber: string;
  industry: string;
  employeeCount: number;
  country: string /* ISO 3166-1 alpha-2 */;
}
export interface DemoCandidate {
  ref: string;
  firstName: string;
  lastName: string;
  email: string;
  phone: string;
  headline: string;
  location: string;
  languages: string[] /* ISO 639-1 e.g. 'nb','sv','da','en' */;
  linkedinUrl: string;
  tags: string[];
  externalRefs: { system: string; externalId: string }[];
  consent: { status: 'PENDING' | 'GIVEN' | 'WITHDRAWN'; givenAt?: string /* ISO date */; retainUntil?: string };
}
export interface DemoRequirement {
  competencyKey: CompetencyKey;
  weight: number /*0-5*/;
  target: number /*1-5*/;
  minimum?: number /*1-5*/;
}
export interface DemoRating {
  competencyKey: CompetencyKey;
  score: number | null;
  evidence: string | null;
}
export interface DemoScorecard {
  interviewerEmail: string;
  ratings: DemoRating[];
  recommendation: Recommendation;
  summary: string;
  status: 'DRAFT' | 'SUBMITTED';
  /** Optional: when the scorecard was submitted (ISO UTC); absent for drafts. */
  submittedAt?: string;
}
export type InterviewStatus = 'SCHEDULED' | 'HELD' | 'CANCELLED' | 'NO_SHOW';
export interface DemoInterview {
  kind: 'SCREENING' | 'COMPETENCY' | 'CLIENT';
  scheduledAt: string /* ISO UTC */;
  interviewerEmails: string[];
  /** Submitted scorecards, and drafts with what their author saved so far; a panelist without one has an empty draft. */
  scorecards: DemoScorecard[];
  /** Optional: where the interview is in its life; absent: HELD at scheduledAt (scorecards due 24 hours later). */
  status?: InterviewStatus;
  durationMinutes?: number /* 15-480, 60 when absent */;
  location?: string;
  videoLink?: string /* https */;
  /** Optional: per panelist (e-mail), the competencies they focus on; each weighted in the mandate's profile. */
  focus?: Record<string, CompetencyKey[]>;
  /** CANCELLED only: when and why. */
  cancelledAt?: string;
  cancellationReason?: string;
}
export interface DemoStageMove {
  stage: CandidacyStage;
  reason: string;
  byEmail: string;
  at: string;
}
export interface DemoCandidacy {
  candidateRef: string;
  stage: CandidacyStage;
  history: DemoStageMove[];
  interviews: DemoInterview[];
}
export interface DemoShortlistEntry {
  candidateRef: string;
  note: string;
}
export interface DemoFeedback {
  candidateRef: string;
  clientUserEmail: string;
  decision: 'INTERESTED' | 'MAYBE' | 'DECLINED';
  comment: string;
  /** Optional: when the client answered (ISO UTC). */
  givenAt?: string;
}
export interface DemoMandate {
  ref: string;
  title: string;
  clientRef: string;
  leadershipLevel: LeadershipLevel;
  location: string;
  status: MandateStatus;
  leadRecruiterEmail: string;
  requirements: DemoRequirement[];
  candidacies: DemoCandidacy[];
  shortlist?: {
    published: boolean;
    entries: DemoShortlistEntry[];
    feedback: DemoFeedback[];
    /** Optional: when the shortlist was published (ISO UTC). */
    publishedAt?: string;
  };
}
export interface DemoFirm {
  name: string;
  slug: string;
  users: DemoUser[];
  clients: DemoClient[];
  candidates: DemoCandidate[];
  mandates: DemoMandate[];
}

// ---------------------------------------------------------------------------------------------
// Nordlys Executive Search
// ---------------------------------------------------------------------------------------------

const nordlysUsers: DemoUser[] = [
  { email: 'admin@nordlys.example', name: 'Ingrid Halvorsen', role: 'ADMIN', password: 'nordlys-admin' },
  { email: 'recruiter@nordlys.example', name: 'Marius Eide', role: 'RECRUITER', password: 'nordlys-recruiter' },
  {
    email: 'client@fjordnett.example',
    name: 'Hilde Bakke',
    role: 'CLIENT',
    password: 'fjordnett-client',
    clientRef: 'client-fjordnett',
  },
  { email: 'astrid.nygaard@nordlys.example', name: 'Astrid Nygaard', role: 'RECRUITER', password: 'nordlys-astrid' },
  { email: 'jonas.lindqvist@nordlys.example', name: 'Jonas Lindqvist', role: 'RECRUITER', password: 'nordlys-jonas' },
  {
    email: 'karin.ekstrom@nordtrygg.example',
    name: 'Karin Ekström',
    role: 'CLIENT',
    password: 'nordtrygg-client',
    clientRef: 'client-nordtrygg',
  },
];

const nordlysClients: DemoClient[] = [
  {
    ref: 'client-fjordnett',
    name: 'Fjordnett AS',
    organisationNumber: '921456786',
    industry: 'Telecommunications – broadband, TV and mobile',
    employeeCount: 310,
    country: 'NO',
  },
  {
    ref: 'client-lindholt',
    name: 'Lindholt Kjøkken & Interiør AS',
    organisationNumber: '918734023',
    industry: 'Retail – kitchen and interior (family-owned chain, 6 stores)',
    employeeCount: 42,
    country: 'NO',
  },
  {
    ref: 'client-nordtrygg',
    name: 'Nordtrygg Försäkring AB',
    organisationNumber: '559102-4475',
    industry: 'Insurance – property, home and motor',
    employeeCount: 3100,
    country: 'SE',
  },
  {
    ref: 'client-kattegat',
    name: 'Kattegat Fragt A/S',
    organisationNumber: '38127462',
    industry: 'Logistics – road freight and parcel distribution',
    employeeCount: 860,
    country: 'DK',
  },
  {
    ref: 'client-vestfjell',
    name: 'Vestfjell Energi AS',
    organisationNumber: '930561274',
    industry: 'Energy – municipally owned power retail and grid',
    employeeCount: 540,
    country: 'NO',
  },
  {
    ref: 'client-havbris',
    name: 'Havbris Hotell AS',
    organisationNumber: '927118467',
    industry: 'Hospitality – hotel group (11 hotels)',
    employeeCount: 1250,
    country: 'NO',
  },
];

const nordlysCandidates: DemoCandidate[] = [
  // --- Norway ---------------------------------------------------------------------------------
  {
    ref: 'cand-kristine-haugland',
    firstName: 'Kristine',
    lastName: 'Haugland',
    email: 'kristine.haugland@epost.example',
    phone: '+47 400 00 101',
    headline: 'Kundedirektør, Bølgen Bredbånd AS',
    location: 'Stavanger',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/kristine-haugland-demo',
    tags: ['telecom', 'broadband', 'customer-experience', 'nps', 'c-suite'],
    externalRefs: [
      { system: 'greenhouse', externalId: 'gh-5102201' },
      { system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a501' },
    ],
    consent: { status: 'GIVEN', givenAt: '2026-09-01', retainUntil: '2028-09-01' },
  },
  {
    ref: 'cand-eirik-moen',
    firstName: 'Eirik',
    lastName: 'Moen',
    email: 'eirik.moen@post.example',
    phone: '+47 400 00 102',
    headline: 'Salgs- og markedsdirektør, Kystlinje Fiber AS',
    location: 'Bergen',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/eirik-moen-demo',
    tags: ['telecom', 'broadband', 'sales', 'retention'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102202' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-02', retainUntil: '2028-09-02' },
  },
  {
    ref: 'cand-torbjorn-aase',
    firstName: 'Torbjørn',
    lastName: 'Aase',
    email: 'torbjorn.aase@epost.example',
    phone: '+47 400 00 103',
    headline: 'Direktør privatmarked, Nordavind Mobil AS',
    location: 'Oslo',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/torbjorn-aase-demo',
    tags: ['telecom', 'mobile', 'consumer-market'],
    externalRefs: [
      { system: 'greenhouse', externalId: 'gh-5102203' },
      { system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a503' },
    ],
    consent: { status: 'GIVEN', givenAt: '2026-09-07', retainUntil: '2028-09-07' },
  },
  {
    ref: 'cand-henriette-dahl',
    firstName: 'Henriette',
    lastName: 'Dahl',
    email: 'henriette.dahl@mail.example',
    phone: '+47 400 00 104',
    headline: 'Leder kundeservice bedrift, Strømtjenester Øst AS',
    location: 'Oslo',
    languages: ['nb', 'en', 'de'],
    linkedinUrl: 'https://www.linkedin.com/in/henriette-dahl-demo',
    tags: ['energy', 'customer-service', 'b2b'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a504' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-08', retainUntil: '2027-09-08' },
  },
  {
    ref: 'cand-ola-brekke',
    firstName: 'Ola',
    lastName: 'Brekke',
    email: 'ola.brekke@post.example',
    phone: '+47 400 00 105',
    headline: 'Driftsdirektør (COO), Sørfiber AS',
    location: 'Kristiansand',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/ola-brekke-demo',
    tags: ['telecom', 'operations', 'field-service'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102205' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-02', retainUntil: '2027-09-02' },
  },
  {
    ref: 'cand-sigrid-vik',
    firstName: 'Sigrid',
    lastName: 'Vik',
    email: 'sigrid.vik@epost.example',
    phone: '+47 400 00 106',
    headline: 'Leder kundereiser og digitale kanaler, Midtbanken ASA',
    location: 'Trondheim',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/sigrid-vik-demo',
    tags: ['banking', 'digital-channels', 'customer-journey'],
    externalRefs: [],
    consent: { status: 'PENDING', retainUntil: '2027-02-11' },
  },
  {
    ref: 'cand-line-saether',
    firstName: 'Line',
    lastName: 'Sæther',
    email: 'line.saether@mail.example',
    phone: '+47 400 00 107',
    headline: 'Driftsdirektør, Fjordperle Hotell AS',
    location: 'Bergen',
    languages: ['nb', 'en', 'es'],
    linkedinUrl: 'https://www.linkedin.com/in/line-saether-demo',
    tags: ['hospitality', 'hotel', 'operations'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102207' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-21', retainUntil: '2028-10-21' },
  },
  {
    ref: 'cand-ragnhild-bo',
    firstName: 'Ragnhild',
    lastName: 'Bø',
    email: 'ragnhild.bo@epost.example',
    phone: '+47 400 00 108',
    headline: 'Butikksjef, Fjellhuset Sport AS',
    location: 'Lillehammer',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/ragnhild-bo-demo',
    tags: ['retail', 'store-management', 'sales', 'frontline'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a508' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-22', retainUntil: '2028-09-22' },
  },
  {
    ref: 'cand-bjorn-tore-ronning',
    firstName: 'Bjørn Tore',
    lastName: 'Rønning',
    email: 'bjorntore.ronning@post.example',
    phone: '+47 400 00 109',
    headline: 'Regionsjef Innlandet, Kjedehuset Interiør AS',
    location: 'Hamar',
    languages: ['nb', 'sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/bjorn-tore-ronning-demo',
    tags: ['retail', 'interior', 'regional-management'],
    externalRefs: [
      { system: 'greenhouse', externalId: 'gh-5102209' },
      { system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a509' },
    ],
    consent: { status: 'GIVEN', givenAt: '2026-09-25', retainUntil: '2028-09-25' },
  },
  {
    ref: 'cand-marte-kolstad',
    firstName: 'Marte',
    lastName: 'Kolstad',
    email: 'marte.kolstad@mail.example',
    phone: '+47 400 00 110',
    headline: 'Daglig leder og medeier, Kolstad Farge & Interiør AS',
    location: 'Gjøvik',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/marte-kolstad-demo',
    tags: ['retail', 'owner-manager', 'interior'],
    externalRefs: [],
    consent: { status: 'GIVEN', givenAt: '2026-10-20', retainUntil: '2028-10-20' },
  },
  {
    ref: 'cand-petter-lunde',
    firstName: 'Petter',
    lastName: 'Lunde',
    email: 'petter.lunde@epost.example',
    phone: '+47 400 00 111',
    headline: 'Kategoridirektør, Varehuset Norden AS',
    location: 'Oslo',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/petter-lunde-demo',
    tags: ['retail', 'category-management', 'chain'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102211' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-29', retainUntil: '2027-09-29' },
  },
  {
    ref: 'cand-anette-fossum',
    firstName: 'Anette',
    lastName: 'Fossum',
    email: 'anette.fossum@post.example',
    phone: '+47 400 00 112',
    headline: 'Salgssjef, Mjøs Kjøkken AS',
    location: 'Lillehammer',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/anette-fossum-demo',
    tags: ['retail', 'kitchen', 'sales'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a512' }],
    consent: { status: 'GIVEN', givenAt: '2026-11-12', retainUntil: '2028-11-12' },
  },
  {
    ref: 'cand-tone-gulbrandsen',
    firstName: 'Tone',
    lastName: 'Gulbrandsen',
    email: 'tone.gulbrandsen@mail.example',
    phone: '+47 400 00 113',
    headline: 'Kjededirektør, Hjem & Hage Kjeden AS',
    location: 'Drammen',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/tone-gulbrandsen-demo',
    tags: ['retail', 'chain-management', 'franchise'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102213' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-30', retainUntil: '2027-09-30' },
  },
  {
    ref: 'cand-havard-nes',
    firstName: 'Håvard',
    lastName: 'Nes',
    email: 'havard.nes@epost.example',
    phone: '+47 400 00 114',
    headline: 'Assisterende hotelldirektør, Sjøbuene Hotell AS',
    location: 'Ålesund',
    languages: ['nb', 'en', 'de'],
    linkedinUrl: 'https://www.linkedin.com/in/havard-nes-demo',
    tags: ['hospitality', 'hotel', 'guest-experience'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a514' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-20', retainUntil: '2028-10-20' },
  },
  {
    ref: 'cand-ingvild-tangen',
    firstName: 'Ingvild',
    lastName: 'Tangen',
    email: 'ingvild.tangen@post.example',
    phone: '+47 400 00 115',
    headline: 'Driftssjef, Kaikanten Restaurantdrift AS',
    location: 'Ålesund',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/ingvild-tangen-demo',
    tags: ['hospitality', 'restaurant', 'operations'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102215' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-26', retainUntil: '2028-10-26' },
  },
  {
    ref: 'cand-stian-myklebust',
    firstName: 'Stian',
    lastName: 'Myklebust',
    email: 'stian.myklebust@mail.example',
    phone: '+47 400 00 116',
    headline: 'Hotelldirektør, Romsdal Fjordhotell AS',
    location: 'Molde',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/stian-myklebust-demo',
    tags: ['hospitality', 'hotel', 'general-management'],
    externalRefs: [
      { system: 'greenhouse', externalId: 'gh-5102216' },
      { system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a516' },
    ],
    consent: { status: 'GIVEN', givenAt: '2026-10-19', retainUntil: '2028-10-19' },
  },
  {
    ref: 'cand-camilla-strom',
    firstName: 'Camilla',
    lastName: 'Strøm',
    email: 'camilla.strom@epost.example',
    phone: '+47 400 00 117',
    headline: 'Front Office Manager, Vågsbunnen Hotell AS',
    location: 'Bergen',
    languages: ['nb', 'en', 'fr'],
    linkedinUrl: 'https://www.linkedin.com/in/camilla-strom-demo',
    tags: ['hospitality', 'front-office', 'guest-experience'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a517' }],
    consent: { status: 'GIVEN', givenAt: '2026-11-02', retainUntil: '2028-11-02' },
  },
  {
    ref: 'cand-jorgen-holm',
    firstName: 'Jørgen',
    lastName: 'Holm',
    email: 'jorgen.holm@post.example',
    phone: '+47 400 00 118',
    headline: 'Kundeservicedirektør, Vestfjord Kraftsalg AS',
    location: 'Oslo',
    languages: ['nb', 'sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/jorgen-holm-demo',
    tags: ['energy', 'customer-service', 'contact-centre'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102218' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-18', retainUntil: '2027-09-18' },
  },
  {
    ref: 'cand-siri-bergersen',
    firstName: 'Siri',
    lastName: 'Bergersen',
    email: 'siri.bergersen@mail.example',
    phone: '+47 400 00 119',
    headline: 'Regiondirektør, Polarkraft Nett AS',
    location: 'Tromsø',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/siri-bergersen-demo',
    tags: ['energy', 'grid', 'regional-management'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102219' }],
    consent: { status: 'GIVEN', givenAt: '2026-03-10', retainUntil: '2027-03-10' },
  },
  {
    ref: 'cand-magnus-tveit',
    firstName: 'Magnus',
    lastName: 'Tveit',
    email: 'magnus.tveit@epost.example',
    phone: '+47 400 00 120',
    headline: 'Leder kundesenter, Rogaland Fiber AS',
    location: 'Stavanger',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/magnus-tveit-demo',
    tags: ['telecom', 'contact-centre', 'frontline'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a520' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-09', retainUntil: '2028-09-09' },
  },
  {
    ref: 'cand-oyvind-sandvik',
    firstName: 'Øyvind',
    lastName: 'Sandvik',
    email: 'oyvind.sandvik@post.example',
    phone: '+47 400 00 121',
    headline: 'Partner, Kundeløftet Rådgivning AS',
    location: 'Oslo',
    languages: ['nb', 'da', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/oyvind-sandvik-demo',
    tags: ['consulting', 'cx-strategy', 'customer-loyalty'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102221' }],
    consent: { status: 'GIVEN', givenAt: '2026-05-04', retainUntil: '2028-05-04' },
  },
  {
    ref: 'cand-ashild-ronningen',
    firstName: 'Åshild',
    lastName: 'Rønningen',
    email: 'ashild.ronningen@mail.example',
    phone: '+47 400 00 122',
    headline: 'Direktør kunde og marked, Skarvheim Energi AS',
    location: 'Trondheim',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/ashild-ronningen-demo',
    tags: ['energy', 'marketing', 'customer-strategy'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a522' }],
    consent: { status: 'GIVEN', givenAt: '2026-06-15', retainUntil: '2028-06-15' },
  },
  // --- Sweden ---------------------------------------------------------------------------------
  {
    ref: 'cand-maja-lindgren',
    firstName: 'Maja',
    lastName: 'Lindgren',
    email: 'maja.lindgren@mejl.example',
    phone: '+46 70 000 02 01',
    headline: 'Head of Customer Operations, Telekompaniet Norden AB',
    location: 'Stockholm',
    languages: ['sv', 'en', 'nb'],
    linkedinUrl: 'https://www.linkedin.com/in/maja-lindgren-demo',
    tags: ['telecom', 'operations', 'contact-centre', 'lean'],
    externalRefs: [
      { system: 'greenhouse', externalId: 'gh-5102301' },
      { system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a601' },
    ],
    consent: { status: 'GIVEN', givenAt: '2026-09-04', retainUntil: '2028-09-04' },
  },
  {
    ref: 'cand-anders-bjork',
    firstName: 'Anders',
    lastName: 'Björk',
    email: 'anders.bjork@mejl.example',
    phone: '+46 70 000 02 02',
    headline: 'Chief Customer Officer, Västkust Fiber AB',
    location: 'Göteborg',
    languages: ['sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/anders-bjork-demo',
    tags: ['telecom', 'broadband', 'c-suite'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a602' }],
    consent: { status: 'GIVEN', givenAt: '2026-11-10', retainUntil: '2028-11-10' },
  },
  {
    ref: 'cand-elin-sjoberg',
    firstName: 'Elin',
    lastName: 'Sjöberg',
    email: 'elin.sjoberg@mejl.example',
    phone: '+46 70 000 02 03',
    headline: 'Kundservicechef, Ljusnan Försäkring AB',
    location: 'Stockholm',
    languages: ['sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/elin-sjoberg-demo',
    tags: ['insurance', 'customer-service', 'claims'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102303' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-08', retainUntil: '2028-09-08' },
  },
  {
    ref: 'cand-johan-aberg',
    firstName: 'Johan',
    lastName: 'Åberg',
    email: 'johan.aberg@mejl.example',
    phone: '+46 70 000 02 04',
    headline: 'Chef kundcenter, Indalsbanken AB',
    location: 'Sundsvall',
    languages: ['sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/johan-aberg-demo',
    tags: ['banking', 'contact-centre'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102304' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-16', retainUntil: '2027-09-16' },
  },
  {
    ref: 'cand-sofia-hagg',
    firstName: 'Sofia',
    lastName: 'Hägg',
    email: 'sofia.hagg@mejl.example',
    phone: '+46 70 000 02 05',
    headline: 'Head of Claims Service, Björkö Försäkring AB',
    location: 'Stockholm',
    languages: ['sv', 'en', 'fi'],
    linkedinUrl: 'https://www.linkedin.com/in/sofia-hagg-demo',
    tags: ['insurance', 'claims', 'analytics'],
    externalRefs: [
      { system: 'greenhouse', externalId: 'gh-5102305' },
      { system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a605' },
    ],
    consent: { status: 'GIVEN', givenAt: '2026-09-15', retainUntil: '2028-09-15' },
  },
  {
    ref: 'cand-erik-nordstrom',
    firstName: 'Erik',
    lastName: 'Nordström',
    email: 'erik.nordstrom@mejl.example',
    phone: '+46 70 000 02 06',
    headline: 'Driftchef kundtjänst, Uppland Energi AB',
    location: 'Uppsala',
    languages: ['sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/erik-nordstrom-demo',
    tags: ['energy', 'customer-service', 'workforce-management'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a606' }],
    consent: { status: 'GIVEN', givenAt: '2026-11-03', retainUntil: '2028-11-03' },
  },
  {
    ref: 'cand-linnea-forsberg',
    firstName: 'Linnéa',
    lastName: 'Forsberg',
    email: 'linnea.forsberg@mejl.example',
    phone: '+46 70 000 02 07',
    headline: 'CX Manager, Öresund Resor AB',
    location: 'Malmö',
    languages: ['sv', 'da', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/linnea-forsberg-demo',
    tags: ['travel', 'customer-experience'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a607' }],
    consent: { status: 'GIVEN', givenAt: '2026-09-17', retainUntil: '2027-09-17' },
  },
  {
    ref: 'cand-fredrik-wallin',
    firstName: 'Fredrik',
    lastName: 'Wallin',
    email: 'fredrik.wallin@mejl.example',
    phone: '+46 70 000 02 08',
    headline: 'Kundtjänstdirektör, Säker Bilförsäkring AB',
    location: 'Stockholm',
    languages: ['sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/fredrik-wallin-demo',
    tags: ['insurance', 'motor-claims', 'customer-service'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102308' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-28', retainUntil: '2028-10-28' },
  },
  {
    ref: 'cand-ulrika-backstrom',
    firstName: 'Ulrika',
    lastName: 'Bäckström',
    email: 'ulrika.backstrom@mejl.example',
    phone: '+46 70 000 02 09',
    headline: 'Chef gästupplevelse, Västkustens Hotell AB',
    location: 'Göteborg',
    languages: ['sv', 'nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/ulrika-backstrom-demo',
    tags: ['hospitality', 'guest-experience'],
    externalRefs: [],
    consent: { status: 'PENDING', retainUntil: '2027-01-14' },
  },
  {
    ref: 'cand-oskar-lindahl',
    firstName: 'Oskar',
    lastName: 'Lindahl',
    email: 'oskar.lindahl@mejl.example',
    phone: '+46 70 000 02 10',
    headline: 'Butikschef, Hemmahus Inredning AB',
    location: 'Karlstad',
    languages: ['sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/oskar-lindahl-demo',
    tags: ['retail', 'interior', 'store-management'],
    externalRefs: [],
    consent: { status: 'PENDING', retainUntil: '2027-02-09' },
  },
  // --- Denmark --------------------------------------------------------------------------------
  {
    ref: 'cand-soren-ostergard',
    firstName: 'Søren',
    lastName: 'Østergård',
    email: 'soren.ostergard@postkasse.example',
    phone: '+45 20 00 03 01',
    headline: 'Customer Experience Director, Nordisk Mobil A/S',
    location: 'København',
    languages: ['da', 'nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/soren-ostergard-demo',
    tags: ['telecom', 'mobile', 'customer-experience', 'digital-self-service'],
    externalRefs: [
      { system: 'greenhouse', externalId: 'gh-5102401' },
      { system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a701' },
    ],
    consent: { status: 'GIVEN', givenAt: '2026-09-03', retainUntil: '2028-09-03' },
  },
  {
    ref: 'cand-mette-kjaer',
    firstName: 'Mette',
    lastName: 'Kjær',
    email: 'mette.kjaer@postkasse.example',
    phone: '+45 20 00 03 02',
    headline: 'Kundecenterchef, Jyllands Pakkeservice A/S',
    location: 'Aarhus',
    languages: ['da', 'en', 'de'],
    linkedinUrl: 'https://www.linkedin.com/in/mette-kjaer-demo',
    tags: ['logistics', 'contact-centre', 'parcel'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102402' }],
    consent: { status: 'GIVEN', givenAt: '2026-04-22', retainUntil: '2028-04-22' },
  },
  {
    ref: 'cand-rasmus-moller',
    firstName: 'Rasmus',
    lastName: 'Møller',
    email: 'rasmus.moller@postkasse.example',
    phone: '+45 20 00 03 03',
    headline: 'Driftsleder kundeservice, Østjysk Transport A/S',
    location: 'Aarhus',
    languages: ['da', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/rasmus-moller-demo',
    tags: ['logistics', 'operations', 'customer-service'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a703' }],
    consent: { status: 'GIVEN', givenAt: '2026-02-18', retainUntil: '2027-02-18' },
  },
  {
    ref: 'cand-louise-bech',
    firstName: 'Louise',
    lastName: 'Bech',
    email: 'louise.bech@postkasse.example',
    phone: '+45 20 00 03 04',
    headline: 'Teamleder, Fragtcentralen Vejle ApS',
    location: 'Vejle',
    languages: ['da', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/louise-bech-demo',
    tags: ['logistics', 'frontline', 'team-lead'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102404' }],
    consent: { status: 'GIVEN', givenAt: '2026-06-03', retainUntil: '2028-06-03' },
  },
  {
    ref: 'cand-jesper-thygesen',
    firstName: 'Jesper',
    lastName: 'Thygesen',
    email: 'jesper.thygesen@postkasse.example',
    phone: '+45 20 00 03 05',
    headline: 'Customer Service Manager, Fynbo Logistik A/S',
    location: 'Odense',
    languages: ['da', 'en', 'sv'],
    linkedinUrl: 'https://www.linkedin.com/in/jesper-thygesen-demo',
    tags: ['logistics', 'customer-service'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a705' }],
    consent: { status: 'GIVEN', givenAt: '2026-05-12', retainUntil: '2028-05-12' },
  },
  {
    ref: 'cand-mikkel-frandsen',
    firstName: 'Mikkel',
    lastName: 'Frandsen',
    email: 'mikkel.frandsen@postkasse.example',
    phone: '+45 20 00 03 06',
    headline: 'Head of Customer Success, Logiq Nordic ApS',
    location: 'Aarhus',
    languages: ['da', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/mikkel-frandsen-demo',
    tags: ['logistics', 'saas', 'customer-success'],
    externalRefs: [
      { system: 'greenhouse', externalId: 'gh-5102406' },
      { system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a706' },
    ],
    consent: { status: 'GIVEN', givenAt: '2026-03-30', retainUntil: '2028-03-30' },
  },
  {
    ref: 'cand-nanna-krogh',
    firstName: 'Nanna',
    lastName: 'Krogh',
    email: 'nanna.krogh@postkasse.example',
    phone: '+45 20 00 03 07',
    headline: 'Hotel Manager, Kanalhuset Hotel ApS',
    location: 'København',
    languages: ['da', 'en', 'nb'],
    linkedinUrl: 'https://www.linkedin.com/in/nanna-krogh-demo',
    tags: ['hospitality', 'hotel'],
    externalRefs: [{ system: 'lever', externalId: '3f6c1a2e-7b41-4c09-9a5e-01d2c3b4a707' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-22', retainUntil: '2027-10-22' },
  },
  {
    ref: 'cand-anne-sofie-lauridsen',
    firstName: 'Anne-Sofie',
    lastName: 'Lauridsen',
    email: 'annesofie.lauridsen@postkasse.example',
    phone: '+45 20 00 03 08',
    headline: 'Servicedirektør, Sundby Forsikring A/S',
    location: 'København',
    languages: ['da', 'sv', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/anne-sofie-lauridsen-demo',
    tags: ['insurance', 'service-strategy', 'customer-loyalty'],
    externalRefs: [{ system: 'greenhouse', externalId: 'gh-5102408' }],
    consent: { status: 'GIVEN', givenAt: '2026-07-01', retainUntil: '2028-07-01' },
  },
];

// --- Mandate 1: Fjordnett, Chief Customer Officer (EXECUTIVE, PRESENTED) ------------------------

const fjordnettCco: DemoMandate = {
  ref: 'mandate-fjordnett-cco',
  title: 'Chief Customer Officer (Kundedirektør)',
  clientRef: 'client-fjordnett',
  leadershipLevel: 'EXECUTIVE',
  location: 'Stavanger',
  status: 'PRESENTED',
  leadRecruiterEmail: 'recruiter@nordlys.example',
  requirements: [
    { competencyKey: 'CUSTOMER_INSIGHT', weight: 5, target: 4, minimum: 3 },
    { competencyKey: 'OUTSIDE_IN', weight: 5, target: 5, minimum: 4 },
    { competencyKey: 'FORESIGHT', weight: 3, target: 4 },
    { competencyKey: 'SERVICE_CULTURE', weight: 4, target: 4 },
    { competencyKey: 'EXECUTION', weight: 3, target: 4 },
    { competencyKey: 'LEADS_BY_EXAMPLE', weight: 4, target: 4 },
    { competencyKey: 'ACTS_ON_GAPS', weight: 3, target: 4 },
    { competencyKey: 'LEARNING_ORIENTATION', weight: 2, target: 3 },
    { competencyKey: 'LOYALTY_ECONOMICS', weight: 4, target: 4, minimum: 3 },
  ],
  candidacies: [
    {
      candidateRef: 'cand-kristine-haugland',
      stage: 'PRESENTED',
      history: [
        {
          stage: 'SOURCED',
          reason: "Market mapping of Norwegian broadband providers; led Bølgen Bredbånd's NPS turnaround.",
          byEmail: 'recruiter@nordlys.example',
          at: '2026-08-24T08:15:00Z',
        },
        {
          stage: 'SCREENING',
          reason:
            'Positive first call. Open to a move if the role sits in the management group and owns both customer service and customer experience.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-01T10:30:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Screening confirmed motivation, notice period (three months) and salary range. Competency interview booked.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-14T13:00:00Z',
        },
        {
          stage: 'SHORTLISTED',
          reason: 'Panel calibration: the strongest outside-in and loyalty-economics profile in the search.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-09T14:00:00Z',
        },
        {
          stage: 'PRESENTED',
          reason: 'Shortlist published to Fjordnett.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-11-04T09:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-10-06T08:00:00Z',
          interviewerEmails: ['recruiter@nordlys.example', 'astrid.nygaard@nordlys.example', 'admin@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'recruiter@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-06T14:20:00Z',
              recommendation: 'STRONG_YES',
              summary:
                'The most complete customer leader we have met in this search: hard numbers on churn combined with genuine presence on the front line. Mild reservation on long-range foresight.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 5,
                  evidence:
                    'Walked us through the churn model she built with one analyst: customers with three or more support contacts in their first 90 days left at twice the average rate. Every decision she described was anchored in a figure she could quote.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 5,
                  evidence:
                    "Ordered fibre under her mother's name to live through the first 30 days herself and logged 14 contacts, six of them letters nobody read. Described the installation day entirely from the customer's side.",
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 4,
                  evidence:
                    'Piloted self-service router diagnostics with 2,000 customers before rollout and dropped a chatbot that tested badly. Less concrete when asked where the market will be beyond three years.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    "Gave every agent a personal goal on first-contact resolution and runs a monthly 'customer café' where each team presents one fix. Convincing, but the examples were limited to her own division.",
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Merged two of five regional support offices in nine months while NPS held steady; gave a crisp account of the decision, the timeline and how she handled the union.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 5,
                  evidence:
                    'Has taken calls in the support queue every Monday morning since 2023 and posts what she learned on the intranet the same day. Her management team now does the same once a month.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Found that installation teams closed tickets before the customer had a working connection and changed the bonus criteria the same quarter, despite pushback from the field managers.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 4,
                  evidence:
                    'Runs two-week experiments with frontline teams and keeps a shared log of what did not work, including a callback promise they reversed after a month.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 5,
                  evidence:
                    'Knew without notes that a lost household costs about NOK 14,000 in lifetime margin against NOK 3,800 to win a new one, and used exactly that to get budget for proactive outage SMS.',
                },
              ],
            },
            {
              interviewerEmail: 'astrid.nygaard@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-06T15:05:00Z',
              recommendation: 'STRONG_YES',
              summary:
                "Answers every question from the customer's side of the counter and has acted on uncomfortable gaps. Would present with confidence.",
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Strong on consumer churn and NPS analytics. When asked about business customers she had less data and relied on what the sales team told her.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 5,
                  evidence:
                    'Listed from memory every touchpoint of a customer who moves house, including the final invoice that arrives after the move. Consistently asked herself what the customer sees at each step.',
                },
                { competencyKey: 'FORESIGHT', score: null, evidence: null },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Rewrote the service promise together with 30 agents rather than handing it down, and every new hire now spends a day with the installers. Engagement scores in customer service rose two years running.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Gave a clear example of stopping a delayed CRM project after a weekend review and redirecting the budget to the web self-service launch, which shipped on time.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 5,
                  evidence:
                    'Answers escalated complaints personally on the day they reach her and copies the agent who handled the case, so that the team sees how she handles them.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 5,
                  evidence:
                    'Saw that 12:00–13:00 was the peak for calls from customers at work while half the team took lunch together; moved to staggered lunches the next week even though the team disliked it for a month.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 4,
                  evidence:
                    'Asks her agents for one improvement idea per week and reports back on which ones were tested. Named two ideas from agents that are now standard practice.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 4,
                  evidence:
                    'Clear service strategy with three customer segments and different service levels for each; used lifetime value to justify free technician visits for customers at risk of leaving.',
                },
              ],
            },
            {
              interviewerEmail: 'admin@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-07T07:40:00Z',
              recommendation: 'YES',
              summary:
                'Solid, well-evidenced customer leader with exceptional commercial grip on loyalty. I would probe her strategic range with the Fjordnett board.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Uses a weekly dashboard of churn, repeat contacts and installation lead time; she was able to explain why each figure is on it.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Good grasp of consumer touchpoints; when I asked about the landlord and housing-association customers who order fibre for a whole building, she had thought less about their journey.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence:
                    'Followed the fixed-wireless trend but could not say how it would change her service model. Her pilots are sound but incremental.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Connects each team goal to the company NPS target and posts results openly on the floor; agents she mentioned by name clearly knew their part.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Took the decision to in-source the first-line support from a vendor and had it running in five months, with a concrete plan for the overlap period.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence:
                    'Confirmed the Monday queue shifts and that she joins field technicians twice a year. Less visible to the sales side of the business.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Stopped a price-change letter two days before it went out because she judged it unreadable for customers, and accepted a one-month delay in revenue.',
                },
                { competencyKey: 'LEARNING_ORIENTATION', score: null, evidence: null },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 5,
                  evidence:
                    "Built the business case for the retention team herself: 1.2 percentage points lower churn equals NOK 19 million in annual margin. The CFO adopted her model in the company's budget.",
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-soren-ostergard',
      stage: 'PRESENTED',
      history: [
        {
          stage: 'SOURCED',
          reason:
            'Referred from our Copenhagen network: CX director at a Danish mobile operator with a Norwegian partner, open to Stavanger.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-08-26T09:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'First call held; clear motivation to move to a smaller and faster organisation.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-03T12:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Screening complete, relocation checked with the family. Competency interview booked.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-18T08:00:00Z',
        },
        {
          stage: 'SHORTLISTED',
          reason:
            'Strong on foresight and learning orientation; the panel split on the depth of his foresight, to be discussed in the client debrief.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-12T09:30:00Z',
        },
        {
          stage: 'PRESENTED',
          reason: 'Shortlist published to Fjordnett.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-11-04T09:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-10-08T12:00:00Z',
          interviewerEmails: ['recruiter@nordlys.example', 'jonas.lindqvist@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'recruiter@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-08T16:45:00Z',
              recommendation: 'YES',
              summary:
                'Forward-looking CX leader with a strong experimental habit. Less hands-on on the floor than Fjordnett is used to; worth presenting.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Set up a customer panel of 600 subscribers that his team surveys every month, and used it to kill a loyalty-points scheme that customers said they did not understand.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Mapped 62 touchpoints for the number-porting journey and removed nine of them. Spoke fluently about the customer journey, though mostly about digital channels.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 5,
                  evidence:
                    'Ran a controlled pilot of AI-assisted call routing and eSIM self-activation a year before competitors, with a clear hypothesis and kill criteria for each. Described how he scans start-ups twice a year for customer-experience ideas.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 3,
                  evidence:
                    'Relies on a central CX team and a training programme to carry the culture; could not give an example of a frontline employee who changed behaviour because of him directly.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Delivered a new self-service app to 1.1 million customers on the planned date by cutting scope twice, and was open about which features he sacrificed.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 3,
                  evidence:
                    'Visits the contact centre once a quarter and reads complaint samples each month. Reasonable for a large operator, but less visible than the role in Stavanger will require.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'When porting-in customers waited up to four days for activation, he escalated to the CEO and got a same-day promise funded, against the IT director’s objection.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 5,
                  evidence:
                    "Holds a fortnightly 'test review' where agents and product owners decide together which experiments to keep, change or stop, and shares failed tests as openly as successful ones.",
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 4,
                  evidence:
                    'Quoted the cost of a lost post-paid subscriber (about DKK 4,200) and showed how his team prioritises save-desk effort by customer value.',
                },
              ],
            },
            {
              interviewerEmail: 'jonas.lindqvist@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-09T08:10:00Z',
              recommendation: 'YES',
              summary:
                "Genuinely customer-minded and a strong learner. His trend examples leaned on vendors' roadmaps, so I would test his judgement on what matters for a regional fibre company.",
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Combines the monthly panel with call-reason coding, and showed how that split “billing questions” into five concrete causes that his team then fixed one by one.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 5,
                  evidence:
                    'Asked us, unprompted, how a Fjordnett customer would experience a fibre outage on a Sunday evening and sketched the notifications he would want to receive. Thinks in customer moments rather than departments.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence:
                    "Both AI routing and eSIM came from the vendors' roadmaps; when I asked which trend he would ignore for a company of 300 people, he did not have an answer.",
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Introduced team-level NPS so that every agent sees comments about their own team every morning; attrition in customer service fell from 38 to 24 percent.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 3,
                  evidence:
                    'Good at launches, but the contact-centre consolidation he owned slipped by eight months and he attributed it mainly to others.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 3,
                  evidence:
                    'Said himself that he leads through his managers and is rarely on the floor. He has recognised this and started doing monthly listening sessions.',
                },
                { competencyKey: 'ACTS_ON_GAPS', score: null, evidence: null },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 4,
                  evidence:
                    'Showed us the shared experiment log and explained how agents propose tests; openly described a chat pilot that failed and what he learned from it.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 3,
                  evidence:
                    'Knows the cost of churn at the operator level, but was unsure how it translates to a fibre customer with installation costs and long contract periods.',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-eirik-moen',
      stage: 'PRESENTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Market mapping: commercial leader in regional fibre with strong retention results.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-08-24T08:40:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Interested; wants to move from pure sales into an end-to-end customer role.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-02T14:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Screening done; competency interview booked with three interviewers.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-21T10:00:00Z',
        },
        {
          stage: 'SHORTLISTED',
          reason:
            'Panel recommends him for exceptional execution and loyalty economics; the development need on service culture was discussed openly with him.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-16T12:00:00Z',
        },
        {
          stage: 'PRESENTED',
          reason: 'Shortlist published to Fjordnett.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-11-04T09:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-10-13T07:30:00Z',
          interviewerEmails: ['recruiter@nordlys.example', 'astrid.nygaard@nordlys.example', 'jonas.lindqvist@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'recruiter@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-13T13:30:00Z',
              recommendation: 'YES',
              summary:
                'Drives results and knows exactly what a customer is worth. Service culture is built through sales disciplines today; he is aware of it and motivated to broaden.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Uses win-loss interviews after every lost housing-association deal and changed the offer for cooperatives based on what he heard.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Described the sales-to-installation handover through the eyes of a customer who waits six weeks for digging, and how he introduced a weekly status SMS.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence:
                    'Follows competitor pricing closely; new technology for the customer experience was mainly something he left to the product team.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Every seller in his region has a customer-retention target alongside the sales target, and he holds a joint Friday meeting with sellers and support agents.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 5,
                  evidence:
                    'Designed and launched a retention programme in eight weeks that cut churn in the region by a third within a year; showed us the plan he used.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence:
                    'Still does customer visits himself every week, including difficult renegotiations, and takes new sellers along.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 3,
                  evidence:
                    'Acted quickly on gaps in the sales process, but when asked about repeated installation complaints he said it was “the field organisation’s area”.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 3,
                  evidence:
                    'Tests campaign variants systematically, but it is his analyst who decides what to keep; the teams are informed rather than involved.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 4,
                  evidence:
                    'Calculates customer lifetime value per segment and used it to stop discount campaigns that attracted switchers who left again after twelve months.',
                },
              ],
            },
            {
              interviewerEmail: 'astrid.nygaard@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-13T15:10:00Z',
              recommendation: 'YES',
              summary:
                'Excellent commercial driver with a clear grasp of loyalty economics. I am less convinced he can build a service culture across customer service and field operations without support.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 3,
                  evidence:
                    'His insight comes mostly from sales data and his own customer meetings; he has not used the NPS comments or call-reason data that already exist in his company.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Knew the pain points of the waiting period before installation in detail and had personally called ten customers who cancelled during it.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence:
                    'Mentioned smart-home bundles as a trend, but had not tested anything concrete; said he prefers to be a fast follower.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 2,
                  evidence:
                    'When asked how an agent in customer service would know their part in the strategy, he described the sales bonus model. No example of involving service employees in shaping how they work.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 5,
                  evidence:
                    'Took over a region with falling sales and had it growing again within two quarters; made unpopular staffing decisions early and explained them well.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence:
                    'Was the first to take the new customer-call routine himself before asking the sellers to do it, and still takes a share of the calls.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 3,
                  evidence:
                    'Quick to fix what he owns, but he let a known billing error for new customers run for four months because it sat in another department.',
                },
                { competencyKey: 'LEARNING_ORIENTATION', score: null, evidence: null },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 5,
                  evidence:
                    'Explained, with numbers, why a retained customer in year three is worth almost four times a new one in his business, and has the retention budget to match.',
                },
              ],
            },
            {
              interviewerEmail: 'jonas.lindqvist@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-14T07:55:00Z',
              recommendation: 'YES',
              summary: 'A hands-on, credible leader who goes first. The step from sales to service is real but he is self-aware about it.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Commissioned a study of why customers in one municipality chose a competitor and reworked the local offer on that basis; market share there rose from 31 to 44 percent.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    "Walked the customer's journey from the door-to-door seller's visit to the first invoice and pointed out three places where the customer has to call to get information.",
                },
                { competencyKey: 'FORESIGHT', score: null, evidence: null },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 3,
                  evidence:
                    'The joint Friday meeting with sellers and support is a good start; beyond that, the culture he described is a sales culture with service as an add-on.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Delivers what he promises and reports weekly on progress; one larger IT-dependent project was late, which he handled by escalating in good time.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence:
                    'Took the evening shifts himself during the autumn campaign so that the team could see that he would not ask them for something he would not do.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Stopped door-to-door sales in one area for two weeks when he learned that sellers promised delivery dates the field teams could not keep.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 3,
                  evidence:
                    'Asks his sellers for feedback after each campaign, but could not give an example of changing his own approach because of it.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 4,
                  evidence:
                    'Has a clear rule that no retention offer may cost more than six months of margin and knows the churn rate by segment by heart.',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-maja-lindgren',
      stage: 'REJECTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Swedish telecom operations leader; approached for her breadth of customer-operations experience.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-08-27T10:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call: motivated, relocation to Stavanger possible together with her partner.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-04T09:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Competency interview booked.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-22T11:00:00Z',
        },
        {
          stage: 'REJECTED',
          reason:
            'Below the must-have level on outside-in perspective (3 against a minimum of 4). Strong operator; informed by phone and kept warm for the Nordtrygg mandate.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-10-12T10:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-10-07T13:00:00Z',
          interviewerEmails: ['astrid.nygaard@nordlys.example', 'jonas.lindqvist@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'astrid.nygaard@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-07T17:00:00Z',
              recommendation: 'NO',
              summary:
                'Highly effective operations leader whose frame of reference is the process rather than the customer. Not the outside-in profile this role requires.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Runs a rigorous contact-reason analysis every week and can break down handling time by queue; good use of facts in decisions.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 3,
                  evidence:
                    'Described the customer journey in terms of queues, handling times and hand-offs between teams. When asked what a customer feels after a second call about the same issue, she answered with the repeat-contact KPI.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence:
                    'Implemented workforce-management software and a callback function; both sound, but driven by efficiency rather than by customer experience.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 3,
                  evidence:
                    'Clear goals and good follow-up for team leaders; the agents’ role was described mainly as meeting targets for handling time.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 5,
                  evidence:
                    'Consolidated three contact centres into one in Sundsvall in seven months, on budget, with service levels back to normal within six weeks.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 3,
                  evidence:
                    'Visible in her management meetings and on the floor at peak times, but no example of going first on a customer-facing change.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 3,
                  evidence:
                    'Closes gaps that show up in the KPIs; gaps that are only visible from the customer’s side, such as unclear letters, she considered marketing’s responsibility.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 4,
                  evidence:
                    'Uses kaizen boards in every team and gave examples of improvement proposals from agents that were implemented within a week.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 2,
                  evidence:
                    'Knows cost per contact to the krona, but did not know the churn rate or what a lost customer costs her company.',
                },
              ],
            },
            {
              interviewerEmail: 'jonas.lindqvist@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-08T07:30:00Z',
              recommendation: 'NO',
              summary:
                'Would be a very strong head of customer operations, but not a Chief Customer Officer for Fjordnett. Recommend considering her for the Nordtrygg search.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Built a forecast model for contact volumes that her finance department now uses; data-driven throughout the interview.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 3,
                  evidence:
                    'Has never mystery-shopped her own company or listened in on calls in the past year; knows the journey from reports rather than from experience.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 2,
                  evidence:
                    'Sceptical of new channels: said chat and messaging “only create more volume” and has postponed both for two years.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Good structure for team goals, daily huddles and recognition; agents’ engagement scores are above the company average.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Delivers consistently on targets and plans; the contact-centre consolidation is a convincing example of drive under pressure.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 2,
                  evidence:
                    'Could not recall when she last took a customer call herself, and said her role is to “enable the team leaders”.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 3,
                  evidence:
                    'Reacted quickly when queue times rose in January, adding staff within a week; less willing to act on issues outside her own line.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 4,
                  evidence: 'Regular retrospectives with team leaders and a habit of adjusting staffing plans after each peak season.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 3,
                  evidence:
                    'Understands in principle that retention is cheaper than acquisition, but her service strategy is expressed as cost and service levels rather than customer value.',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-torbjorn-aase',
      stage: 'WITHDRAWN',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Consumer-market director at a mobile operator; known to Nordlys from an earlier search.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-08-25T07:50:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call: interested, but mentions that his employer is reorganising.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-07T15:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Competency interview booked.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-23T09:00:00Z',
        },
        {
          stage: 'WITHDRAWN',
          reason:
            'Withdrew after accepting a counter-offer: an expanded role covering both consumer market and customer service at his current employer.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-21T16:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-10-14T09:00:00Z',
          interviewerEmails: ['recruiter@nordlys.example', 'admin@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'recruiter@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-14T15:00:00Z',
              recommendation: 'YES',
              summary:
                'Balanced profile with good foresight and credible leadership; somewhat thinner on customer data and loyalty economics than the front-runners.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 3,
                  evidence:
                    'Relies on the quarterly brand tracker and market share figures; had not looked at complaint data or churn reasons himself.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Described visiting all 14 partner stores to watch how a family buys a mobile plan and simplifying the plan structure from eleven to four offers afterwards.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 4,
                  evidence:
                    'Launched a family-sharing subscription based on a test with 500 households, ahead of the market, and explained clearly why he expects fixed-mobile bundles to dominate.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Introduced a shared customer promise for stores and customer service and brought store managers and team leaders together every quarter.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Took the decision to close the weakest sales channel within a month and redeployed the people; results improved the following quarter.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence:
                    'Works one Saturday a month in a partner store and shared a story of what he learned from a frustrated customer there.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 3,
                  evidence: 'Identified that store and web prices differed but spent six months building consensus before changing it.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 3,
                  evidence: 'Open to feedback and did a 360 last year; fewer examples of structured testing together with the front line.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 3,
                  evidence:
                    'Knows churn is expensive but gave only a rough estimate of its cost and has no explicit service strategy for existing customers.',
                },
              ],
            },
            {
              interviewerEmail: 'admin@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-15T08:20:00Z',
              recommendation: 'YES',
              summary:
                'A leader people follow, with good instincts about where the market is going. Needs to sharpen his use of customer data.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 3,
                  evidence:
                    'Good instinct for customers, but when asked which facts he would collect in his first 90 days at Fjordnett he listed mainly financial KPIs.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Sees the company from the shop floor: spoke about what the customer must understand at the counter and how long an average purchase takes for them.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 4,
                  evidence:
                    'Has a structured trend process with his team twice a year and gave a well-argued view on how eSIM will change the store visit.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 3,
                  evidence: 'The shared customer promise exists, but he could not say how an individual employee’s goals connect to it.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Decisive on channel closure and pricing; showed us the simple one-page weekly scorecard he uses to follow up every decision with his managers.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 5,
                  evidence:
                    'During a network outage last winter he answered customer calls himself for two evenings and wrote the customer apology personally; his team still talks about it.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Removed a cancellation fee his own department earned money on after seeing that it generated more complaints than revenue.',
                },
                { competencyKey: 'LEARNING_ORIENTATION', score: null, evidence: null },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 3,
                  evidence: 'Could describe the logic of customer lifetime value, but had not used it in a concrete decision.',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-anders-bjork',
      stage: 'SCREENING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Late addition: CCO at a Swedish fibre operator, recommended by a former client.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-10-30T10:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held; kept as backup while Fjordnett reviews the shortlist.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-11-10T08:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-henriette-dahl',
      stage: 'REJECTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Long list: customer-care leader in energy retail.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-08-25T08:10:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'First call held.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-08T11:00:00Z',
        },
        {
          stage: 'REJECTED',
          reason:
            'After screening: experience is mainly in business-customer care with limited consumer scope; not a match for the brief. Candidate informed.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-15T09:30:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-ola-brekke',
      stage: 'WITHDRAWN',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Long list: COO at a fibre company in southern Norway.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-08-25T08:20:00Z',
        },
        {
          stage: 'WITHDRAWN',
          reason: 'Declined our approach: not in a position to relocate to Stavanger for family reasons.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-09-02T12:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-magnus-tveit',
      stage: 'REJECTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Local candidate in Stavanger; runs the customer centre at a regional fibre company.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-08-28T09:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call booked.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-09T13:30:00Z',
        },
        {
          stage: 'REJECTED',
          reason:
            'Strong first-line leader, but not yet ready for an executive role with budget responsibility. Flagged for future frontline mandates.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-16T08:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-sigrid-vik',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Approached as a possible backup; awaiting reply and consent.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-11-11T09:00:00Z',
        },
      ],
      interviews: [],
    },
  ],
  shortlist: {
    published: true,
    publishedAt: '2026-11-04T09:00:00Z',
    entries: [
      {
        candidateRef: 'cand-kristine-haugland',
        note: 'Kristine has led customer service and customer experience at Bølgen Bredbånd for five years and lifted NPS from 8 to 41 while reducing contacts per customer. She stays close to the front line – she still takes support calls every Monday – and speaks more precisely than anyone we met about what a lost customer costs. Available on three months’ notice.',
      },
      {
        candidateRef: 'cand-soren-ostergard',
        note: 'Søren brings a broad, forward-looking customer-experience toolkit from a larger Danish mobile operator, including digital self-service and a strong habit of testing with his teams. He reads and speaks Norwegian well, and his family is ready to relocate to Stavanger. We suggest exploring in the next round how he would prioritise in an organisation of Fjordnett’s size.',
      },
      {
        candidateRef: 'cand-eirik-moen',
        note: 'Eirik is a results-driven commercial leader who cut churn in his region by a third with a retention programme he designed himself, and he knows the Norwegian fibre market and its customers very well. His career so far has been in sales rather than service; he is open about this and motivated to build a broader service culture with the right support.',
      },
    ],
    feedback: [
      {
        candidateRef: 'cand-kristine-haugland',
        clientUserEmail: 'client@fjordnett.example',
        decision: 'INTERESTED',
        comment:
          'Very relevant profile. We would like to meet Kristine in person with our CEO and the chair of the board, preferably in week 48.',
        givenAt: '2026-11-06T13:25:00Z',
      },
      {
        candidateRef: 'cand-soren-ostergard',
        clientUserEmail: 'client@fjordnett.example',
        decision: 'MAYBE',
        comment:
          'Impressive background. We are unsure how quickly he would get to know the Norwegian market and our regional customers, and would like a short video call before deciding.',
        givenAt: '2026-11-06T13:40:00Z',
      },
    ],
  },
};

// --- Mandate 2: Lindholt, CEO of a 42-person family-owned retail chain (EXECUTIVE, OPEN) -------

const lindholtCeo: DemoMandate = {
  ref: 'mandate-lindholt-ceo',
  title: 'Daglig leder (CEO)',
  clientRef: 'client-lindholt',
  leadershipLevel: 'EXECUTIVE',
  location: 'Lillehammer',
  status: 'OPEN',
  leadRecruiterEmail: 'astrid.nygaard@nordlys.example',
  requirements: [
    { competencyKey: 'CUSTOMER_INSIGHT', weight: 3, target: 4 },
    { competencyKey: 'OUTSIDE_IN', weight: 5, target: 4, minimum: 3 },
    { competencyKey: 'FORESIGHT', weight: 2, target: 3 },
    { competencyKey: 'SERVICE_CULTURE', weight: 4, target: 4 },
    { competencyKey: 'EXECUTION', weight: 5, target: 4, minimum: 3 },
    { competencyKey: 'LEADS_BY_EXAMPLE', weight: 5, target: 5, minimum: 4 },
    { competencyKey: 'ACTS_ON_GAPS', weight: 4, target: 4 },
    { competencyKey: 'LEARNING_ORIENTATION', weight: 2, target: 3 },
    { competencyKey: 'LOYALTY_ECONOMICS', weight: 3, target: 3 },
  ],
  candidacies: [
    {
      candidateRef: 'cand-ragnhild-bo',
      stage: 'SHORTLISTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Store manager with an exceptional customer record; name came from one of Lindholt’s suppliers.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-14T09:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Motivated to take the step to general manager; already lives in Lillehammer.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-22T10:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Screening complete; competency interview booked.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-10-08T12:00:00Z',
        },
        {
          stage: 'SHORTLISTED',
          reason:
            'Panel: strongest fit on leading by example and outside-in. The owners should expect to support her on finance and longer-term strategy.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-11-02T13:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-10-28T09:00:00Z',
          interviewerEmails: ['astrid.nygaard@nordlys.example', 'recruiter@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'astrid.nygaard@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-28T14:30:00Z',
              recommendation: 'STRONG_YES',
              summary:
                'A natural top leader for a small chain: on the shop floor, close to customers and sales, and respected by her staff. Finance and strategy are development areas.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 3,
                  evidence:
                    'Knows her regular customers and local competitors very well; uses the chain’s sales reports but has not gathered customer data beyond them.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 5,
                  evidence:
                    'Walked us through her store from the car park to the till as a customer experiences it, and explained why she moved ski servicing to the front of the store after watching customers search for it.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 2,
                  evidence:
                    "Sees online competition as a threat but has no view on how a small chain could respond; said 'that is for head office'.",
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 5,
                  evidence:
                    'Every employee in her store has one customer goal of their own, agreed in the yearly appraisal, and she reviews them in a ten-minute huddle each Saturday morning.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Reorganised opening hours and staffing in two weeks after a new shopping centre opened nearby; sales per hour rose 12 percent.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 5,
                  evidence:
                    'Works the floor on the busiest days herself and was the first to call customers back after complaints, so that her staff saw it could be done without fear.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 5,
                  evidence:
                    'Noticed the store was understaffed in the lunch hour when office workers came in, and changed the break schedule the same week even though it was unpopular with her longest-serving staff.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 4,
                  evidence:
                    'Tested three ways of presenting ski packages with her staff over a season and kept the one the team and the sales figures agreed on.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 3,
                  evidence:
                    'Understands that regulars carry the store and protects them, but had not put a figure on what a regular customer is worth.',
                },
              ],
            },
            {
              interviewerEmail: 'recruiter@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-28T16:00:00Z',
              recommendation: 'YES',
              summary:
                'Outstanding frontline leader with genuine customer instinct. The step to CEO of six stores is real; she needs a strong finance partner and board.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 3,
                  evidence:
                    'Runs a simple customer survey at the till twice a year; acts on the results but does not analyse them further.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence: 'Strong on the in-store experience; less on the web shop and how customers prepare their visit online.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence:
                    'Suggested a click-and-collect pilot for her store last year, which head office declined; has some ideas but has not been able to test them.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Her staff turnover is the lowest in the chain and she trains new employees herself in the first week. Culture is strong within one store; untested across six.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Gets things done quickly; the reorganisation after the new shopping centre opened is a good example of decisive action.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 5,
                  evidence:
                    'Staff she named as references describe her as the first in and last out on Saturdays; she still handles the most difficult customer complaints herself.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Replaced the ski rental system in her store after repeated queues at the counter, paying for it from her own store budget.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 4,
                  evidence:
                    'Holds a short review after each season where staff say what should be done differently, and showed us the list from last spring.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 2,
                  evidence:
                    "Could not estimate the value of a regular customer or the cost of losing one, and the store's service level is set by feel rather than by a strategy.",
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-bjorn-tore-ronning',
      stage: 'INTERVIEWING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Regional manager in a national interior chain; knows the region and the category.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-14T09:20:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call: interested in moving from a national chain to an owner-led company.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-25T08:30:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Competency interview booked.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-10-12T14:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-11-04T10:00:00Z',
          interviewerEmails: ['astrid.nygaard@nordlys.example', 'admin@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'astrid.nygaard@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-11-04T15:15:00Z',
              recommendation: 'YES',
              summary:
                'Commercially strong and knows the category. Less present on the shop floor than the owners want; worth a reference check focused on how he leads store managers.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Uses loyalty-club data to plan assortment per store and showed how it moved outdoor furniture into the two stores where club members bought it most.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 3,
                  evidence:
                    'Talks about customers mainly as segments and basket sizes; his store-visit checklist is about display standards rather than the customer’s experience.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence:
                    'Aware of online furniture players and has opinions on them, but the pilots he mentioned were run by the chain’s head office.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 3,
                  evidence:
                    'Introduced a service training day for all store staff in his region; follow-up after the training was left to each store manager.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Turned around two loss-making stores in eighteen months by changing managers and opening hours; presented the numbers clearly.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 3,
                  evidence:
                    'Visits each store once a month, mostly in meetings with the manager; could not recall serving a customer himself this year.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 2,
                  evidence:
                    'Knew that delivery times for sofas were a frequent complaint but said it was a supplier issue outside his control and had not raised it.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 3,
                  evidence:
                    'Reads the monthly customer comments report and shares it with managers; no example of testing changes together with staff.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 4,
                  evidence:
                    'Knows that club members spend 2.4 times as much per year as other customers and uses it to argue for club sign-up targets in every store.',
                },
              ],
            },
            {
              interviewerEmail: 'admin@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-11-05T08:05:00Z',
              recommendation: 'NO',
              summary:
                'Good analyst of the business, but I did not see the hands-on, decisive leader a 42-person family company needs; several answers described plans rather than results.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence: 'Strong command of sales and club data; he quoted conversion rates per store without notes.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 3,
                  evidence:
                    'When asked what a customer experiences when a kitchen delivery is late, he described the internal process for handling the claim.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 4,
                  evidence:
                    'Had a well-thought-through view on kitchen planning via video calls and suggested how a small chain could offer it with existing staff.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 3,
                  evidence:
                    'Believes in training and standards; less clear on how each employee would know their part in the customer experience.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 2,
                  evidence:
                    'The two store turnarounds were largely driven by the chain’s central team; on follow-up questions about his own decisions, he described what was planned rather than what he did.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 3,
                  evidence:
                    'Sees his role as coach for store managers and keeps a distance from daily operations; the owners here expect the CEO to be on the floor on Saturdays.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 3,
                  evidence:
                    'Fixed a broken returns routine once customers complained to the local newspaper; reactive rather than proactive.',
                },
                { competencyKey: 'LEARNING_ORIENTATION', score: null, evidence: null },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 4,
                  evidence:
                    'Can explain the value of a club member and the cost of losing a kitchen customer to a competitor, with figures from his own region.',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-marte-kolstad',
      stage: 'SCREENING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Runs her own paint and interior shop in Gjøvik; knows the customer group well.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-15T10:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'First call positive; a second conversation is planned about what she would do with her own business.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-10-20T09:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-petter-lunde',
      stage: 'REJECTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Category director in a national retail chain.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-15T10:10:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call booked.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-29T11:00:00Z',
        },
        {
          stage: 'REJECTED',
          reason:
            'Strong category leader, but used to large support functions; the owners want a hands-on leader on the shop floor. The candidate agreed with the assessment.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-10-05T08:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-anette-fossum',
      stage: 'SCREENING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Sales manager at a local kitchen supplier; knows many of Lindholt’s customers.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-16T08:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Responded to our second approach; screening call booked.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-11-12T10:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-tone-gulbrandsen',
      stage: 'WITHDRAWN',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Chain director with franchise experience.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-16T08:30:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-09-30T13:00:00Z',
        },
        {
          stage: 'WITHDRAWN',
          reason: 'Withdrew: did not want to commute between Drammen and Lillehammer.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-10-15T09:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-oskar-lindahl',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Swedish store manager with family in Innlandet; approached, awaiting consent.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-11-09T14:00:00Z',
        },
      ],
      interviews: [],
    },
  ],
};

// --- Mandate 3: Nordtrygg, Head of Customer Service (SENIOR, OPEN) ------------------------------

const nordtryggHeadOfService: DemoMandate = {
  ref: 'mandate-nordtrygg-head-of-service',
  title: 'Kundservicedirektör (Head of Customer Service)',
  clientRef: 'client-nordtrygg',
  leadershipLevel: 'SENIOR',
  location: 'Stockholm',
  status: 'OPEN',
  leadRecruiterEmail: 'jonas.lindqvist@nordlys.example',
  requirements: [
    { competencyKey: 'CUSTOMER_INSIGHT', weight: 4, target: 4 },
    { competencyKey: 'OUTSIDE_IN', weight: 3, target: 4 },
    { competencyKey: 'FORESIGHT', weight: 2, target: 3 },
    { competencyKey: 'SERVICE_CULTURE', weight: 5, target: 5, minimum: 4 },
    { competencyKey: 'EXECUTION', weight: 4, target: 4 },
    { competencyKey: 'LEADS_BY_EXAMPLE', weight: 3, target: 4 },
    { competencyKey: 'ACTS_ON_GAPS', weight: 5, target: 4, minimum: 3 },
    { competencyKey: 'LEARNING_ORIENTATION', weight: 4, target: 4 },
    { competencyKey: 'LOYALTY_ECONOMICS', weight: 3, target: 3 },
  ],
  candidacies: [
    {
      candidateRef: 'cand-elin-sjoberg',
      stage: 'SHORTLISTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Head of customer service at a mid-sized insurer; strong reputation for service culture.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-08-31T08:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call: motivated by the larger scale and a seat in the customer management team.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-08T09:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Competency interview booked.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-28T10:00:00Z',
        },
        {
          stage: 'SHORTLISTED',
          reason: 'Panel agrees: clear front-runner on service culture and learning orientation.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-10-23T15:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-10-20T08:00:00Z',
          interviewerEmails: ['jonas.lindqvist@nordlys.example', 'astrid.nygaard@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'jonas.lindqvist@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-20T13:10:00Z',
              recommendation: 'STRONG_YES',
              summary:
                'Builds service culture the way the role needs it: every agent knows their part, and the team learns by testing. Loyalty economics is adequate for a senior role.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Introduced call-reason tagging on every contact and reports the top ten reasons to the claims and product teams each month, with owners for each.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Had agents phone in a water-damage claim as if they were the customer and used their notes to rewrite the first three letters the customer receives.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence: 'Has a sensible view on messaging channels and photo-based claims; has not led a technology pilot herself.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 5,
                  evidence:
                    "Each of her 140 agents has a personal 'customer commitment' linked to the team's goals, reviewed in monthly one-to-ones; engagement in customer service went from the lowest to the highest in the company in two years.",
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Moved the whole team to a new telephony platform over a weekend with no loss of service level, after two rehearsals she insisted on.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence:
                    'Handles calls herself during storm peaks; she was on the phones until two in the morning the night of last autumn’s big storm, when call volumes tripled.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Ended the practice of closing the phones for a team meeting every Thursday morning when she saw it was the second-busiest hour of the week.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 5,
                  evidence:
                    'Runs monthly test cycles where agents propose, test and evaluate changes; showed us a board with 23 tests, of which nine were kept and eleven stopped.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 3,
                  evidence:
                    'Knows the renewal rate after a claim and that it drops sharply after a poor claims experience; has not priced it in kronor.',
                },
              ],
            },
            {
              interviewerEmail: 'astrid.nygaard@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-10-20T15:40:00Z',
              recommendation: 'YES',
              summary:
                'Convincing people leader with a real service culture behind her. Execution at Nordtrygg’s scale (450 people) is the open question.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence:
                    'Combines survey scores with call-reason data and gave an example of a decision where the data went against her own first instinct.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Described the claims journey from the customer’s first panic call, not from the claim form, and knew which moments customers mention most in complaints.',
                },
                { competencyKey: 'FORESIGHT', score: null, evidence: null },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Strong routines for involving agents; the examples were from a team of 140, and she has not yet led through several layers of managers.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 3,
                  evidence:
                    'Delivers well in her own area; a cross-department project on claims letters took over a year and she could not say what she would do differently.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence: 'Sits with a different team every Tuesday and listens to calls with the agents; takes escalated cases herself.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 5,
                  evidence:
                    'Saw that customers in the claims queue were told to call back later, stopped the script the same day and set up a callback promise within two hours, before she had budget approval.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 4,
                  evidence:
                    'Asks for written feedback from her team after every change and adjusted the callback promise twice based on it.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 3,
                  evidence: 'Describes a clear service ambition for each customer group, but the link to profitability was general.',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-sofia-hagg',
      stage: 'INTERVIEWING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Head of claims service with a strong analytical profile.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-01T08:30:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held; interested but has a six-month notice period.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-15T13:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Client accepted the notice period; competency interview booked.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-10-27T09:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-11-17T13:00:00Z',
          interviewerEmails: ['jonas.lindqvist@nordlys.example', 'recruiter@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'jonas.lindqvist@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-11-17T17:20:00Z',
              recommendation: 'YES',
              summary:
                'Sharp and numerate, with the best grasp of loyalty economics of any candidate in this search. Service culture is below the must-have level on my evidence.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 5,
                  evidence:
                    'Built a model linking claims handling time to renewal and showed that each extra week of handling cut renewal by 1.5 points; the model is now used in the claims budget.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 3,
                  evidence:
                    'Knows the claims process end to end, but described it in the company’s steps; her customer examples came from data rather than conversations.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 4,
                  evidence:
                    'Ran a pilot where customers document car damage with phone photos, cutting the time to decision from nine days to two for simple claims.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 3,
                  evidence:
                    'Team goals are clear and well measured, but when asked how an individual claims handler contributes to the customer experience she pointed to the KPIs.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Cut the backlog from 4,000 to 600 open claims in one quarter by reorganising work queues and was clear about the trade-offs she made.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 3,
                  evidence: 'Present in weekly team meetings and accessible, but does not handle cases or calls herself.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Found that customers with rejected claims got a letter with no phone number and changed it herself within a week, without waiting for the communications department.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 3,
                  evidence:
                    'Evaluates her pilots rigorously, but the design and evaluation is done by her and an analyst rather than with the handlers.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 5,
                  evidence:
                    'Calculated that a customer who leaves after a poor claims experience costs Björkö around SEK 11,000 in lost premiums and used it to fund two extra handlers for complex claims.',
                },
              ],
            },
            {
              interviewerEmail: 'recruiter@nordlys.example',
              status: 'DRAFT',
              recommendation: 'YES',
              summary: 'Draft – to be completed after reviewing my notes from the second half of the interview.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 4,
                  evidence: 'Clear on the data behind her decisions; quoted renewal rates by claim type from memory.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 2,
                  evidence:
                    'When I asked what a customer worries about in the first hour after a car accident, she described the claims form and the internal triage.',
                },
                { competencyKey: 'FORESIGHT', score: null, evidence: null },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: null,
                  evidence: 'Pointed to KPIs when asked about the individual handler; check my notes before scoring against the must-have.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence: 'The backlog reduction is well documented and she was specific about her own decisions in it.',
                },
                { competencyKey: 'LEADS_BY_EXAMPLE', score: null, evidence: null },
                { competencyKey: 'ACTS_ON_GAPS', score: null, evidence: null },
                { competencyKey: 'LEARNING_ORIENTATION', score: null, evidence: null },
                { competencyKey: 'LOYALTY_ECONOMICS', score: null, evidence: null },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-maja-lindgren',
      stage: 'SCREENING',
      history: [
        {
          stage: 'SOURCED',
          reason:
            'Moved over from the Fjordnett search, where she was a strong operator but not the outside-in profile; her operations depth fits this role.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-10-14T09:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Motivated; prefers a Stockholm-based role anyway.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-10-19T10:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-johan-aberg',
      stage: 'REJECTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Runs a well-regarded bank contact centre.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-01T09:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-16T10:00:00Z',
        },
        {
          stage: 'REJECTED',
          reason:
            'Leads a contact centre of 40 people; the step to a 450-person organisation is too large at this point. Candidate informed and open to future roles.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-24T14:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-erik-nordstrom',
      stage: 'SCREENING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Operations manager in an energy company’s customer service; strong on workforce planning.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-02T08:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Replied after a second approach; screening call booked.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-11-03T11:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-linnea-forsberg',
      stage: 'WITHDRAWN',
      history: [
        {
          stage: 'SOURCED',
          reason: 'CX manager in travel; interesting cross-industry profile.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-02T08:15:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-17T09:00:00Z',
        },
        {
          stage: 'WITHDRAWN',
          reason: 'Withdrew for personal reasons; happy to be contacted again in 2027.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-10-01T12:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-fredrik-wallin',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Added after Nordtrygg asked for one more candidate with motor-claims experience.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-10-26T10:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-jorgen-holm',
      stage: 'REJECTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Norwegian customer-service director with Swedish experience.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-03T09:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-18T12:00:00Z',
        },
        {
          stage: 'REJECTED',
          reason: 'Prefers to stay in Oslo; the role requires presence in Stockholm at least three days a week.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-09-25T09:00:00Z',
        },
      ],
      interviews: [],
    },
  ],
};

// --- Mandate 4: Havbris, hotel manager in Ålesund (FRONTLINE, OPEN) -----------------------------

const havbrisHotelManager: DemoMandate = {
  ref: 'mandate-havbris-hotel-manager',
  title: 'Hotellsjef, Havbris Ålesund',
  clientRef: 'client-havbris',
  leadershipLevel: 'FRONTLINE',
  location: 'Ålesund',
  status: 'OPEN',
  leadRecruiterEmail: 'recruiter@nordlys.example',
  requirements: [
    { competencyKey: 'CUSTOMER_INSIGHT', weight: 2, target: 3 },
    { competencyKey: 'OUTSIDE_IN', weight: 4, target: 4 },
    { competencyKey: 'FORESIGHT', weight: 0, target: 3 },
    { competencyKey: 'SERVICE_CULTURE', weight: 5, target: 4, minimum: 3 },
    { competencyKey: 'EXECUTION', weight: 4, target: 4 },
    { competencyKey: 'LEADS_BY_EXAMPLE', weight: 5, target: 5, minimum: 4 },
    { competencyKey: 'ACTS_ON_GAPS', weight: 5, target: 4 },
    { competencyKey: 'LEARNING_ORIENTATION', weight: 3, target: 3 },
    { competencyKey: 'LOYALTY_ECONOMICS', weight: 1, target: 2 },
  ],
  candidacies: [
    {
      candidateRef: 'cand-stian-myklebust',
      stage: 'INTERVIEWING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Runs a smaller fjord hotel in Molde with excellent guest reviews.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-12T08:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Positive first call; screening interview booked.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-19T10:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Screening interview positive; competency interview with the panel planned for late November.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-11-09T12:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'SCREENING',
          scheduledAt: '2026-11-05T09:00:00Z',
          interviewerEmails: ['recruiter@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'recruiter@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-11-05T11:30:00Z',
              recommendation: 'YES',
              summary: 'Hands-on hotel leader with a visible presence among guests and staff. Proceed to competency interview.',
              ratings: [
                { competencyKey: 'CUSTOMER_INSIGHT', score: null, evidence: null },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Checks in anonymously at his own hotel twice a year via a friend’s booking and described three changes he made to the arrival experience afterwards.',
                },
                { competencyKey: 'FORESIGHT', score: null, evidence: null },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Starts every shift with a five-minute briefing on today’s guests, including birthdays and repeat visitors, so each employee knows who to look out for.',
                },
                { competencyKey: 'EXECUTION', score: null, evidence: null },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence:
                    'Serves breakfast himself on Sunday mornings and clears tables when the restaurant is full; staff turnover at his hotel is low for the industry.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 3,
                  evidence:
                    'Aware that check-in queues build up when cruise passengers arrive, but has not yet changed the staffing; said he plans to next season.',
                },
                { competencyKey: 'LEARNING_ORIENTATION', score: null, evidence: null },
                { competencyKey: 'LOYALTY_ECONOMICS', score: null, evidence: null },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-havard-nes',
      stage: 'INTERVIEWING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Assistant hotel manager in Ålesund; local and well known in the industry.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-12T08:15:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening interview booked with Astrid.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-20T11:00:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Screening interview strong on guest focus; competency interview to be booked.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-11-10T09:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'SCREENING',
          scheduledAt: '2026-11-06T14:00:00Z',
          interviewerEmails: ['astrid.nygaard@nordlys.example'],
          scorecards: [
            {
              interviewerEmail: 'astrid.nygaard@nordlys.example',
              status: 'SUBMITTED',
              submittedAt: '2026-11-06T16:10:00Z',
              recommendation: 'YES',
              summary:
                'Warm, guest-focused and quick to act. First step into the top job of a hotel; execution under pressure needs testing in the competency interview.',
              ratings: [
                { competencyKey: 'CUSTOMER_INSIGHT', score: null, evidence: null },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 5,
                  evidence:
                    'Reads every guest review himself the same day and answered our question about a family arriving late by describing, step by step, what they would see, hear and need.',
                },
                { competencyKey: 'FORESIGHT', score: null, evidence: null },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Started a monthly ‘guest story’ meeting where housekeeping, kitchen and reception share one thing a guest said; staff from all departments now take part.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 3,
                  evidence:
                    'Delivered the reception refurbishment on time, but the budget and timeline were set by his hotel director; limited evidence of decisions taken alone.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 4,
                  evidence: 'Works a reception shift every week and takes the phone himself when a guest asks for the manager.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Saw that guests waited for breakfast tables during the summer season and opened a second breakfast room the following week, borrowing staff from conference.',
                },
                { competencyKey: 'LEARNING_ORIENTATION', score: null, evidence: null },
                { competencyKey: 'LOYALTY_ECONOMICS', score: null, evidence: null },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'cand-ingvild-tangen',
      stage: 'SCREENING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Operations manager in restaurants on the Ålesund waterfront; strong on staffing and service.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-12T08:30:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'First call held; screening interview to be scheduled.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-26T13:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-camilla-strom',
      stage: 'SCREENING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Front office manager in Bergen, originally from Sunnmøre.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-13T09:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Interested in moving back to Ålesund; screening call booked.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-11-02T10:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-nanna-krogh',
      stage: 'WITHDRAWN',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Copenhagen hotel manager with Norwegian language skills.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-13T09:30:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held; visit to Ålesund arranged.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-22T12:00:00Z',
        },
        {
          stage: 'WITHDRAWN',
          reason: 'Withdrew after visiting Ålesund: her partner cannot relocate from Copenhagen.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-29T08:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-ulrika-backstrom',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Guest-experience lead at a Swedish hotel group; approached, awaiting first call.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-14T10:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-line-saether',
      stage: 'REJECTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Operations director at a hotel company in Bergen.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-13T10:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-21T09:00:00Z',
        },
        {
          stage: 'REJECTED',
          reason: 'Prefers a regional director role over running a single hotel; agreed to stay in touch.',
          byEmail: 'recruiter@nordlys.example',
          at: '2026-10-28T10:00:00Z',
        },
      ],
      interviews: [],
    },
  ],
};

// --- Mandate 5: Kattegat Fragt, customer-centre manager (FRONTLINE, DRAFT) ----------------------

const kattegatCustomerCentre: DemoMandate = {
  ref: 'mandate-kattegat-customer-centre',
  title: 'Kundecenterchef, Aarhus',
  clientRef: 'client-kattegat',
  leadershipLevel: 'FRONTLINE',
  location: 'Aarhus',
  status: 'DRAFT',
  leadRecruiterEmail: 'astrid.nygaard@nordlys.example',
  requirements: [
    { competencyKey: 'CUSTOMER_INSIGHT', weight: 3, target: 3 },
    { competencyKey: 'OUTSIDE_IN', weight: 4, target: 4 },
    { competencyKey: 'FORESIGHT', weight: 0, target: 2 },
    { competencyKey: 'SERVICE_CULTURE', weight: 4, target: 4 },
    { competencyKey: 'EXECUTION', weight: 4, target: 4 },
    { competencyKey: 'LEADS_BY_EXAMPLE', weight: 4, target: 4 },
    { competencyKey: 'ACTS_ON_GAPS', weight: 5, target: 4, minimum: 3 },
    { competencyKey: 'LEARNING_ORIENTATION', weight: 3, target: 3 },
    { competencyKey: 'LOYALTY_ECONOMICS', weight: 2, target: 3 },
  ],
  candidacies: [
    {
      candidateRef: 'cand-mette-kjaer',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Long list from market mapping ahead of the kick-off meeting with Kattegat Fragt.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-11-16T09:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-rasmus-moller',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Long list: runs day-to-day customer service at a regional haulier; met in an earlier search.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-11-16T09:10:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-louise-bech',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Long list: experienced team leader, possibly ready for a first manager-of-managers role.',
          byEmail: 'astrid.nygaard@nordlys.example',
          at: '2026-11-16T09:20:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-jesper-thygesen',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Long list: customer service manager at a logistics company on Funen.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-11-17T08:30:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'cand-mikkel-frandsen',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Long list: customer-success background from logistics software; a less traditional profile.',
          byEmail: 'jonas.lindqvist@nordlys.example',
          at: '2026-11-17T08:45:00Z',
        },
      ],
      interviews: [],
    },
  ],
};

// ---------------------------------------------------------------------------------------------
// Fjellvik Partners (a small, separate tenant)
// ---------------------------------------------------------------------------------------------

const fjellvikUsers: DemoUser[] = [
  { email: 'admin@fjellvik.example', name: 'Kjersti Fjellvik', role: 'ADMIN', password: 'fjellvik-admin' },
  { email: 'hakon.strand@fjellvik.example', name: 'Håkon Strand', role: 'RECRUITER', password: 'fjellvik-hakon' },
];

const fjellvikClients: DemoClient[] = [
  {
    ref: 'fv-client-brattli',
    name: 'Brattli Bakeri AS',
    organisationNumber: '994203185',
    industry: 'Food retail – bakery and café chain (14 outlets)',
    employeeCount: 120,
    country: 'NO',
  },
  {
    ref: 'fv-client-nordkapp-sjomat',
    name: 'Nordkapp Sjømat AS',
    organisationNumber: '915662048',
    industry: 'Seafood – processing and export',
    employeeCount: 260,
    country: 'NO',
  },
];

const fjellvikCandidates: DemoCandidate[] = [
  {
    ref: 'fv-cand-guro-sundt',
    firstName: 'Guro',
    lastName: 'Sundt',
    email: 'guro.sundt@epost.example',
    phone: '+47 400 00 201',
    headline: 'Driftssjef butikk, Kornmo Bakeri AS',
    location: 'Tønsberg',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/guro-sundt-demo',
    tags: ['bakery', 'retail', 'store-operations'],
    externalRefs: [{ system: 'recman', externalId: 'RM-10041' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-01', retainUntil: '2028-10-01' },
  },
  {
    ref: 'fv-cand-vegard-hole',
    firstName: 'Vegard',
    lastName: 'Hole',
    email: 'vegard.hole@post.example',
    phone: '+47 400 00 202',
    headline: 'Salgssjef dagligvare, Vestfold Mølle AS',
    location: 'Sandefjord',
    languages: ['nb', 'en', 'de'],
    linkedinUrl: 'https://www.linkedin.com/in/vegard-hole-demo',
    tags: ['food', 'grocery', 'sales'],
    externalRefs: [{ system: 'recman', externalId: 'RM-10042' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-08', retainUntil: '2028-10-08' },
  },
  {
    // Same person (and e-mail) as Nordlys' candidate cand-petter-lunde: stored separately per firm.
    ref: 'fv-cand-petter-lunde',
    firstName: 'Petter',
    lastName: 'Lunde',
    email: 'petter.lunde@epost.example',
    phone: '+47 400 00 111',
    headline: 'Kategoridirektør, Varehuset Norden AS',
    location: 'Oslo',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/petter-lunde-demo',
    tags: ['retail', 'category-management'],
    externalRefs: [{ system: 'recman', externalId: 'RM-10043' }],
    consent: { status: 'PENDING', retainUntil: '2027-01-05' },
  },
  {
    ref: 'fv-cand-emma-lindstrom',
    firstName: 'Emma',
    lastName: 'Lindström',
    email: 'emma.lindstrom@mejl.example',
    phone: '+46 70 000 05 01',
    headline: 'Regionchef, Brödboden Café AB',
    location: 'Göteborg',
    languages: ['sv', 'en', 'nb'],
    linkedinUrl: 'https://www.linkedin.com/in/emma-lindstrom-demo',
    tags: ['cafe', 'retail', 'regional-management'],
    externalRefs: [{ system: 'recman', externalId: 'RM-10044' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-02', retainUntil: '2027-10-02' },
  },
  {
    ref: 'fv-cand-frida-holt',
    firstName: 'Frida',
    lastName: 'Holt',
    email: 'frida.holt@mail.example',
    phone: '+47 400 00 205',
    headline: 'Kafésjef, Bryggekaféen Larvik AS',
    location: 'Larvik',
    languages: ['nb', 'en'],
    linkedinUrl: 'https://www.linkedin.com/in/frida-holt-demo',
    tags: ['cafe', 'hospitality', 'frontline'],
    externalRefs: [{ system: 'recman', externalId: 'RM-10045' }],
    consent: { status: 'GIVEN', givenAt: '2026-10-06', retainUntil: '2028-10-06' },
  },
];

const brattliCeo: DemoMandate = {
  ref: 'fv-mandate-brattli-ceo',
  title: 'Daglig leder',
  clientRef: 'fv-client-brattli',
  leadershipLevel: 'EXECUTIVE',
  location: 'Tønsberg',
  status: 'OPEN',
  leadRecruiterEmail: 'hakon.strand@fjellvik.example',
  requirements: [
    { competencyKey: 'CUSTOMER_INSIGHT', weight: 3, target: 3 },
    { competencyKey: 'OUTSIDE_IN', weight: 4, target: 4 },
    { competencyKey: 'FORESIGHT', weight: 1, target: 3 },
    { competencyKey: 'SERVICE_CULTURE', weight: 4, target: 4 },
    { competencyKey: 'EXECUTION', weight: 4, target: 4 },
    { competencyKey: 'LEADS_BY_EXAMPLE', weight: 5, target: 4, minimum: 3 },
    { competencyKey: 'ACTS_ON_GAPS', weight: 3, target: 4 },
    { competencyKey: 'LEARNING_ORIENTATION', weight: 2, target: 3 },
    { competencyKey: 'LOYALTY_ECONOMICS', weight: 3, target: 3 },
  ],
  candidacies: [
    {
      candidateRef: 'fv-cand-guro-sundt',
      stage: 'SHORTLISTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Runs store operations for a competing bakery chain in Vestfold.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-09-21T08:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'First call positive; open to a general-manager role.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-10-01T09:30:00Z',
        },
        {
          stage: 'INTERVIEWING',
          reason: 'Competency interview booked with Kjersti and Håkon.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-10-14T12:00:00Z',
        },
        {
          stage: 'SHORTLISTED',
          reason: 'Both interviewers recommend her; to be presented together with one more candidate.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-11-06T10:00:00Z',
        },
      ],
      interviews: [
        {
          kind: 'COMPETENCY',
          scheduledAt: '2026-11-02T09:00:00Z',
          interviewerEmails: ['hakon.strand@fjellvik.example', 'admin@fjellvik.example'],
          scorecards: [
            {
              interviewerEmail: 'hakon.strand@fjellvik.example',
              status: 'SUBMITTED',
              submittedAt: '2026-11-02T13:00:00Z',
              recommendation: 'STRONG_YES',
              summary:
                'Close to customers and staff in every example she gave, and gets things done. The most convincing candidate so far.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 3,
                  evidence: 'Tracks sales per outlet and hour and used it to change baking times; no customer research beyond that.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Described the morning rush from a commuter’s point of view and moved coffee to a separate counter so that customers who only want coffee are served in under a minute.',
                },
                {
                  competencyKey: 'FORESIGHT',
                  score: 3,
                  evidence: 'Tested pre-ordering of birthday cakes online in two outlets; the pilot is modest but well evaluated.',
                },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 4,
                  evidence:
                    'Trains every new employee herself on the first day and uses a simple card with three service habits that all staff carry.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 5,
                  evidence: 'Opened three new outlets in one year, each on the planned date, while keeping waste below four percent.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 5,
                  evidence: 'Starts at five in the morning in a different outlet every week and works the counter until the rush is over.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Saw that outlets ran out of bread by three in the afternoon on Saturdays and added a second bake the following weekend, accepting higher waste.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 3,
                  evidence: 'Asks outlet managers for feedback after each change, but it is not yet a structured routine.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 3,
                  evidence:
                    'Knows that regular morning customers account for about half of weekday sales and protects them, without a precise figure for their value.',
                },
              ],
            },
            {
              interviewerEmail: 'admin@fjellvik.example',
              status: 'SUBMITTED',
              submittedAt: '2026-11-02T15:45:00Z',
              recommendation: 'YES',
              summary:
                'Very strong operator and role model. Strategic range and the board relationship are untested; references should cover both.',
              ratings: [
                {
                  competencyKey: 'CUSTOMER_INSIGHT',
                  score: 3,
                  evidence:
                    'Good use of sales data per outlet; had not considered a loyalty app or customer survey to understand why people choose them.',
                },
                {
                  competencyKey: 'OUTSIDE_IN',
                  score: 4,
                  evidence:
                    'Noticed that customers could not see prices on the cakes in the counter and added price cards in all her outlets the same week.',
                },
                { competencyKey: 'FORESIGHT', score: null, evidence: null },
                {
                  competencyKey: 'SERVICE_CULTURE',
                  score: 3,
                  evidence:
                    'Strong personal example, but the culture seems to depend on her presence; managers did not have their own service goals.',
                },
                {
                  competencyKey: 'EXECUTION',
                  score: 4,
                  evidence:
                    'Delivered the new outlets on time; she was honest that one of them is still below budget and explained her plan for it.',
                },
                {
                  competencyKey: 'LEADS_BY_EXAMPLE',
                  score: 5,
                  evidence:
                    'Her early shifts at the counter are known across the chain; she took the first complaint calls after a product recall herself.',
                },
                {
                  competencyKey: 'ACTS_ON_GAPS',
                  score: 4,
                  evidence:
                    'Changed opening hours in two outlets after counting customers at the door for a week, even though it meant renegotiating shifts.',
                },
                {
                  competencyKey: 'LEARNING_ORIENTATION',
                  score: 3,
                  evidence:
                    'Receptive to feedback in the interview and adjusted her answer when challenged; limited examples of testing with staff.',
                },
                {
                  competencyKey: 'LOYALTY_ECONOMICS',
                  score: 2,
                  evidence:
                    'Had not thought about what it costs to lose a regular customer and described service mainly as friendliness rather than a strategy.',
                },
              ],
            },
          ],
        },
      ],
    },
    {
      candidateRef: 'fv-cand-vegard-hole',
      stage: 'SCREENING',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Sales manager at a flour mill supplying bakeries; knows the industry well.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-09-21T08:20:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call booked.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-10-08T10:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'fv-cand-petter-lunde',
      stage: 'SOURCED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Retail category director; approached, awaiting reply.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-10-05T09:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'fv-cand-emma-lindstrom',
      stage: 'REJECTED',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Regional manager at a Swedish café chain.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-09-22T08:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-10-02T13:00:00Z',
        },
        {
          stage: 'REJECTED',
          reason: 'Salary expectations well above the client’s range; candidate informed.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-10-09T09:00:00Z',
        },
      ],
      interviews: [],
    },
    {
      candidateRef: 'fv-cand-frida-holt',
      stage: 'WITHDRAWN',
      history: [
        {
          stage: 'SOURCED',
          reason: 'Café manager in Larvik with a strong local reputation.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-09-23T08:00:00Z',
        },
        {
          stage: 'SCREENING',
          reason: 'Screening call held.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-10-06T11:00:00Z',
        },
        {
          stage: 'WITHDRAWN',
          reason: 'Withdrew: has decided to open her own café in the spring.',
          byEmail: 'hakon.strand@fjellvik.example',
          at: '2026-10-20T14:00:00Z',
        },
      ],
      interviews: [],
    },
  ],
};

// ---------------------------------------------------------------------------------------------

// With second panels for calibration and agreement (calibration-panels.ts), a mandate opened for
// talent rediscovery (demo-talent-pool.ts), then the interview room's interviews in every status,
// panel focus and the recruiter's draft (interview-room.ts).
export const demoFirms: DemoFirm[] = withInterviewRoom(
  withTalentPoolMandates(
    withCalibrationPanels([
      {
        name: 'Nordlys Executive Search',
        slug: 'nordlys',
        users: nordlysUsers,
        clients: nordlysClients,
        candidates: nordlysCandidates,
        mandates: [fjordnettCco, lindholtCeo, nordtryggHeadOfService, havbrisHotelManager, kattegatCustomerCentre],
      },
      {
        name: 'Fjellvik Partners',
        slug: 'fjellvik',
        users: fjellvikUsers,
        clients: fjellvikClients,
        candidates: fjellvikCandidates,
        mandates: [brattliCeo],
      },
    ]),
  ),
);
