import type { EntityManager } from '@mikro-orm/postgresql';
import { paginate, type Connection, type ConnectionArgs } from '../../common/connection';
import { UserErrorCode, UserInputError, notFound } from '../../common/errors';
import { InputCheck } from '../../common/input-check';
import { flushOrRefuse } from '../../common/unique';
import { Firm } from '../../common/firm.entity';
import { Client } from './client.entity';
import { isCountryCode } from './country-codes';

export const MAX_EMPLOYEE_COUNT = 10_000_000;
const MAX_ORGANISATION_NUMBER = 40;

export interface CreateClientData {
  name: string;
  organisationNumber?: string | null;
  industry?: string | null;
  employeeCount?: number | null;
  country: string;
}

// Absent (undefined) leaves a field as it is; null clears an optional one.
export type UpdateClientData = { [K in keyof CreateClientData]?: CreateClientData[K] | null };

const FIELD = {
  name: ['input', 'name'],
  organisationNumber: ['input', 'organisationNumber'],
  industry: ['input', 'industry'],
  employeeCount: ['input', 'employeeCount'],
  country: ['input', 'country'],
};

// The firm's client companies, by name.
export function listClients(em: EntityManager, firmId: string, page: ConnectionArgs): Promise<Connection<Client>> {
  return paginate(em, Client, { firm: firmId }, { list: 'clients', keys: ['name', 'id'], ...page });
}

export async function createClient(em: EntityManager, firmId: string, data: CreateClientData): Promise<Client> {
  const check = new InputCheck();
  const values = {
    name: check.text(FIELD.name, data.name, { max: 200, required: true })!,
    organisationNumber: check.text(FIELD.organisationNumber, data.organisationNumber, { max: MAX_ORGANISATION_NUMBER }),
    industry: check.text(FIELD.industry, data.industry, { max: 100 }),
    employeeCount: check.integer(FIELD.employeeCount, data.employeeCount, 1, MAX_EMPLOYEE_COUNT),
    country: countryCode(check, data.country)!,
  };
  await checkOrganisationNumberFree(em, check, firmId, values.country, values.organisationNumber, null);
  check.done();

  const client = em.create(Client, { firm: em.getReference(Firm, firmId), ...values });
  await flushUnique(em, client);
  return client;
}

export async function updateClient(em: EntityManager, firmId: string, clientId: string | null, data: UpdateClientData): Promise<Client> {
  const client = clientId ? await em.findOne(Client, { id: clientId, firm: firmId }) : null;
  if (!client) throw notFound(['input', 'clientId'], 'client');

  const check = new InputCheck();
  const changes: Partial<Client> = {};
  if (data.name !== undefined) changes.name = check.text(FIELD.name, data.name, { max: 200, required: true })!;
  if (data.organisationNumber !== undefined) {
    changes.organisationNumber = check.text(FIELD.organisationNumber, data.organisationNumber, { max: MAX_ORGANISATION_NUMBER });
  }
  if (data.industry !== undefined) changes.industry = check.text(FIELD.industry, data.industry, { max: 100 });
  if (data.employeeCount !== undefined) {
    changes.employeeCount = check.integer(FIELD.employeeCount, data.employeeCount, 1, MAX_EMPLOYEE_COUNT);
  }
  if (data.country !== undefined) changes.country = countryCode(check, data.country)!;
  if (changes.organisationNumber !== undefined || changes.country !== undefined) {
    await checkOrganisationNumberFree(
      em,
      check,
      firmId,
      changes.country === undefined ? client.country : changes.country,
      changes.organisationNumber === undefined ? client.organisationNumber : changes.organisationNumber,
      client.id,
    );
  }
  check.done();

  em.assign(client, changes);
  await flushUnique(em, client);
  return client;
}

// Upper case is the stored form; a lower-case code is accepted and normalised. Null when invalid.
function countryCode(check: InputCheck, value: string | null | undefined): string | null {
  const text = value?.trim() ?? '';
  if (!text) {
    check.add(UserErrorCode.REQUIRED, 'country is required.', FIELD.country);
    return null;
  }
  const code = text.toUpperCase();
  if (!isCountryCode(code)) {
    check.add(UserErrorCode.INVALID, 'country must be an ISO 3166-1 alpha-2 code, e.g. NO.', FIELD.country);
    return null;
  }
  return code;
}

// An organisation number names one company per country, so it is unique per firm and country.
async function checkOrganisationNumberFree(
  em: EntityManager,
  check: InputCheck,
  firmId: string,
  country: string | null,
  organisationNumber: string | null,
  exceptClientId: string | null,
): Promise<void> {
  // Nothing to compare when either is missing or itself invalid (already reported).
  if (!country || !organisationNumber || organisationNumber.length > MAX_ORGANISATION_NUMBER) return;
  const taken = await em.count(Client, {
    firm: firmId,
    country,
    organisationNumber,
    ...(exceptClientId ? { id: { $ne: exceptClientId } } : {}),
  });
  if (taken > 0) check.add(UserErrorCode.ALREADY_EXISTS, organisationNumberTaken(country), FIELD.organisationNumber);
}

// A concurrent request may take the number between the check and the insert: the unique
// constraint decides, and the caller gets the same user error.
function flushUnique(em: EntityManager, client: Client): Promise<void> {
  em.persist(client);
  return flushOrRefuse(em, () =>
    UserInputError.of(UserErrorCode.ALREADY_EXISTS, organisationNumberTaken(client.country), FIELD.organisationNumber),
  );
}

function organisationNumberTaken(country: string): string {
  return `Another client in ${country} already has this organisation number.`;
}
