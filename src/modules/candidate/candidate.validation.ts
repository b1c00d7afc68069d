import { UserErrorCode } from '../../common/errors';
import type { InputCheck } from '../../common/input-check';
import { type Candidate, ConsentStatus } from './candidate.entity';
import { CANDIDATE_LIMITS as LIMITS, EMAIL_PATTERN, PHONE_PATTERN, SYSTEM_PATTERN } from './candidate.limits';
import { isLanguageCode } from './languages';
import { foldForSearch } from './search-text';
import { dateOnly } from './date-only';

// What a caller gives for a candidate, checked and normalised into the values stored, by one set of
// rules for createCandidate, updateCandidate and the bulk upsert (integration).

export interface ExternalRefData {
  system: string;
  externalId: string;
}

export interface ConsentData {
  status: ConsentStatus;
  givenAt?: Date | null;
  retainUntil?: Date | null;
}

// The candidate's own fields, as a caller gives them. The inputs of createCandidate, updateCandidate
// and upsertCandidates declare them through CandidateFieldsInput (candidate.inputs.ts).
export const CANDIDATE_FIELDS = [
  'firstName',
  'lastName',
  'email',
  'phone',
  'headline',
  'location',
  'languages',
  'linkedinUrl',
  'tags',
] as const;
export type CandidateField = (typeof CANDIDATE_FIELDS)[number];

const CONSENT_KEYS = ['consentStatus', 'consentGivenAt', 'consentWithdrawnAt', 'retainUntil'] as const;

// The columns a create or update writes: the fields and the consent.
export const CANDIDATE_VALUE_KEYS = [...CANDIDATE_FIELDS, ...CONSENT_KEYS] as const;

// Their values as the entity types them, but retainUntil: a SQL date, held as 'YYYY-MM-DD'.
export type CandidateValues = Pick<Candidate, Exclude<(typeof CANDIDATE_VALUE_KEYS)[number], 'retainUntil'>> & {
  retainUntil: string | null;
};

type ConsentValues = Pick<CandidateValues, (typeof CONSENT_KEYS)[number]>;

// What the rules read of a stored candidate: its consent (an entity or a plain row).
export type StoredConsent = Pick<Candidate, 'consentStatus' | 'consentGivenAt' | 'consentWithdrawnAt'>;

// Every field optional: on update, undefined keeps the value and null clears it.
export type CandidateFieldsData = { [Field in CandidateField]?: Candidate[Field] | null };

export interface CandidateData extends CandidateFieldsData {
  externalRefs?: ExternalRefData[] | null;
  consent?: ConsentData | null;
}

const PENDING_CONSENT: ConsentValues = {
  consentStatus: ConsentStatus.PENDING,
  consentGivenAt: null,
  consentWithdrawnAt: null,
  retainUntil: null,
};

// One candidate's fields and consent, checked by the same rules as createCandidate (current null: all
// of them, names required, consent PENDING when left out) and updateCandidate (only the fields given).
// The bulk upsert checks each of its items with it; `path` is where the item sits in the input.
export function checkCandidateData(
  check: InputCheck,
  data: Omit<CandidateData, 'externalRefs'>,
  current: StoredConsent | null,
  now: Date,
  path: string[],
): Partial<CandidateValues> {
  const values = checkFields(check, data, current, path);
  if (data.consent) Object.assign(values, checkConsent(check, data.consent, current, now, path));
  else if (!current) Object.assign(values, PENDING_CONSENT);
  return values;
}

export function searchTextOf(candidate: Pick<CandidateValues, 'firstName' | 'lastName' | 'email' | 'headline'>): string {
  return foldForSearch([candidate.firstName, candidate.lastName, candidate.email ?? '', candidate.headline ?? ''].join(' '));
}

// The scalar fields present in `data`, trimmed and checked. With no candidate (create), the
// names are required and every absent field gets its empty value.
function checkFields(check: InputCheck, data: CandidateData, candidate: StoredConsent | null, path: string[]): Partial<CandidateValues> {
  const creating = candidate === null;
  const values: Partial<CandidateValues> = {};
  const field = (name: string) => [...path, name];
  const given = (value: unknown) => creating || value !== undefined;

  if (given(data.firstName)) values.firstName = check.text(field('firstName'), data.firstName, { max: LIMITS.name, required: true })!;
  if (given(data.lastName)) values.lastName = check.text(field('lastName'), data.lastName, { max: LIMITS.name, required: true })!;
  if (given(data.email)) {
    const email = check.text(field('email'), data.email, { max: LIMITS.email })?.toLowerCase() ?? null;
    if (email && !EMAIL_PATTERN.test(email)) check.add(UserErrorCode.INVALID, 'email is not an email address.', field('email'));
    values.email = email;
  }
  if (given(data.phone)) {
    const phone = check.text(field('phone'), data.phone, { max: LIMITS.phone });
    if (phone && !PHONE_PATTERN.test(phone)) {
      check.add(UserErrorCode.INVALID, 'phone may hold only digits, spaces, - and a leading +.', field('phone'));
    }
    values.phone = phone;
  }
  if (given(data.headline)) values.headline = check.text(field('headline'), data.headline, { max: LIMITS.headline });
  if (given(data.location)) values.location = check.text(field('location'), data.location, { max: LIMITS.location });
  if (given(data.languages)) values.languages = checkLanguages(check, data.languages ?? [], path);
  if (given(data.linkedinUrl)) {
    const url = check.text(field('linkedinUrl'), data.linkedinUrl, { max: LIMITS.linkedinUrl });
    if (url && !isLinkedinUrl(url)) {
      check.add(UserErrorCode.INVALID, 'linkedinUrl must be an https URL on linkedin.com.', field('linkedinUrl'));
    }
    values.linkedinUrl = url;
  }
  if (given(data.tags)) values.tags = checkTags(check, data.tags ?? [], path);
  return values;
}

function checkLanguages(check: InputCheck, languages: string[], path: string[]): string[] {
  if (languages.length > LIMITS.languages) {
    check.add(UserErrorCode.TOO_LONG, `languages may hold at most ${LIMITS.languages} codes.`, [...path, 'languages']);
  }
  const codes: string[] = [];
  languages.forEach((language, index) => {
    const code = language.trim();
    if (!isLanguageCode(code)) {
      check.add(UserErrorCode.INVALID, `"${code.slice(0, 20)}" is not an ISO 639-1 language code in lower case, such as nb, sv or en.`, [
        ...path,
        'languages',
        String(index),
      ]);
    } else if (!codes.includes(code)) {
      codes.push(code);
    }
  });
  return codes;
}

function checkTags(check: InputCheck, tags: string[], path: string[]): string[] {
  const unique: string[] = [];
  tags.forEach((tag, index) => {
    const field = [...path, 'tags', String(index)];
    const trimmed = tag.trim();
    if (!trimmed) check.add(UserErrorCode.INVALID, 'A tag must not be empty.', field);
    else if (trimmed.length > LIMITS.tag) check.add(UserErrorCode.TOO_LONG, `A tag is at most ${LIMITS.tag} characters.`, field);
    else if (!unique.includes(trimmed)) unique.push(trimmed);
  });
  if (unique.length > LIMITS.tags) {
    check.add(UserErrorCode.TOO_LONG, `tags may hold at most ${LIMITS.tags} different tags.`, [...path, 'tags']);
  }
  return unique;
}

function isLinkedinUrl(text: string): boolean {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return false;
  }
  const host = url.hostname.toLowerCase();
  return url.protocol === 'https:' && !url.username && !url.password && (host === 'linkedin.com' || host.endsWith('.linkedin.com'));
}

export function checkExternalRefs(check: InputCheck, refs: ExternalRefData[]): ExternalRefData[] {
  if (refs.length > LIMITS.externalRefs) {
    check.add(UserErrorCode.TOO_LONG, `externalRefs may hold at most ${LIMITS.externalRefs} refs.`, ['input', 'externalRefs']);
  }
  const systems = new Set<string>();
  return refs.map((ref, index) => {
    const checked = checkExternalRef(check, ref, ['input', 'externalRefs', String(index)]);
    if (checked.system && systems.has(checked.system)) {
      check.add(UserErrorCode.INVALID, `A candidate has one external ref per system; "${checked.system}" comes twice.`, [
        'input',
        'externalRefs',
        String(index),
        'system',
      ]);
    }
    systems.add(checked.system);
    return checked;
  });
}

// One ref, trimmed and checked; `path` is where it sits in the input.
export function checkExternalRef(check: InputCheck, ref: ExternalRefData, path: string[]): ExternalRefData {
  const field = (name: string) => [...path, name];
  const system = check.text(field('system'), ref.system, { max: LIMITS.system, required: true }) ?? '';
  if (system && system.length <= LIMITS.system && !SYSTEM_PATTERN.test(system)) {
    check.add(UserErrorCode.INVALID, 'system may hold only lower case letters, digits, _ and -.', field('system'));
  }
  const externalId = check.text(field('externalId'), ref.externalId, { max: LIMITS.externalId, required: true }) ?? '';
  return { system, externalId };
}

// Consent as a whole. Times already recorded stay while the status stays, so sending the same
// consent again changes nothing.
function checkConsent(check: InputCheck, consent: ConsentData, candidate: StoredConsent | null, now: Date, path: string[]): ConsentValues {
  const field = (name: string) => [...path, 'consent', name];
  const today = dateOnly(now)!;
  const retainUntil = dateOnly(consent.retainUntil ?? null);
  const givenAt = consent.givenAt ?? null;
  const status = candidate?.consentStatus ?? null;
  if (givenAt && givenAt.getTime() > now.getTime()) {
    check.add(UserErrorCode.OUT_OF_RANGE, 'givenAt cannot be in the future.', field('givenAt'));
  }
  switch (consent.status) {
    case ConsentStatus.PENDING:
      if (givenAt) check.add(UserErrorCode.INVALID, 'givenAt is only for GIVEN or WITHDRAWN consent.', field('givenAt'));
      return { ...PENDING_CONSENT, retainUntil };
    case ConsentStatus.GIVEN:
      if (!retainUntil) check.add(UserErrorCode.REQUIRED, 'retainUntil is required when consent is GIVEN.', field('retainUntil'));
      else if (retainUntil <= today) {
        check.add(UserErrorCode.OUT_OF_RANGE, 'retainUntil must be a date in the future.', field('retainUntil'));
      }
      return {
        consentStatus: ConsentStatus.GIVEN,
        consentGivenAt: givenAt ?? (status === ConsentStatus.GIVEN ? candidate!.consentGivenAt : null) ?? now,
        consentWithdrawnAt: null,
        retainUntil,
      };
    case ConsentStatus.WITHDRAWN:
      return {
        consentStatus: ConsentStatus.WITHDRAWN,
        consentGivenAt: givenAt ?? candidate?.consentGivenAt ?? null,
        consentWithdrawnAt: (status === ConsentStatus.WITHDRAWN ? candidate!.consentWithdrawnAt : null) ?? now,
        retainUntil,
      };
  }
}

// Whether a checked value equals the stored one (a SQL date as 'YYYY-MM-DD', lists item by item), so
// that a value sent again is not written.
export function sameValue(key: keyof CandidateValues, current: unknown, next: unknown): boolean {
  if (key === 'retainUntil') return dateOnly(current as Date | string | null) === next;
  if (Array.isArray(current) && Array.isArray(next)) {
    return current.length === next.length && current.every((item, index) => item === next[index]);
  }
  if (current instanceof Date && next instanceof Date) return current.getTime() === next.getTime();
  return current === next;
}
