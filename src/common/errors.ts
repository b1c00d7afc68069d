import type { GraphQLResponse } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { registerEnumType } from 'type-graphql';

export enum UserErrorCode {
  INVALID = 'INVALID',
  REQUIRED = 'REQUIRED',
  TOO_LONG = 'TOO_LONG',
  OUT_OF_RANGE = 'OUT_OF_RANGE',
  NOT_FOUND = 'NOT_FOUND',
  ALREADY_EXISTS = 'ALREADY_EXISTS',
  CONFLICT = 'CONFLICT',
  INVALID_STATE = 'INVALID_STATE',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  // The candidate's personal data was erased (GDPR): nothing can be written about them again.
  ERASED = 'ERASED',
  // The firm would be left without an active admin (deactivating or demoting the last one).
  LAST_ADMIN = 'LAST_ADMIN',
  // An admin may not deactivate themself (they would lock themself out mid-request).
  SELF = 'SELF',
  // The candidate record was merged into another (mergeCandidates): write to the survivor.
  MERGED = 'MERGED',
  // Both candidates of a merge are in one mandate's pipeline: a person has one candidacy per mandate.
  SAME_MANDATE = 'SAME_MANDATE',
}
registerEnumType(UserErrorCode, { name: 'UserErrorCode', description: 'Why a mutation could not be done.' });

export interface UserErrorData {
  code: UserErrorCode;
  message: string;
  // Path to the input field at fault, e.g. ["input", "ratings", "2", "score"].
  field: string[] | null;
}

// An expected business failure: becomes the payload's userErrors, and rolls the transaction back.
export class UserInputError extends Error {
  constructor(readonly errors: UserErrorData[]) {
    super(errors.map((error) => error.message).join('; '));
  }

  static of(code: UserErrorCode, message: string, field: string[] | null = null): UserInputError {
    return new UserInputError([{ code, message, field }]);
  }
}

export function notFound(field: string[], what: string): UserInputError {
  return UserInputError.of(UserErrorCode.NOT_FOUND, `No ${what} with this id.`, field);
}

// The GraphQL error codes that may reach a client as they are; anything else is masked.
export enum ApiErrorCode {
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  // A sync cursor this database cannot serve (another database, or a restore): resync from the start.
  SYNC_CURSOR_EXPIRED = 'SYNC_CURSOR_EXPIRED',
}

export function unauthenticated(message = 'Authentication required: send Authorization: Bearer <token>.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ApiErrorCode.UNAUTHENTICATED } });
}

export function forbidden(message = 'Your role or API key scopes do not allow this.'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ApiErrorCode.FORBIDDEN } });
}

export function badUserInput(message: string, argumentName?: string): GraphQLError {
  return new GraphQLError(message, {
    extensions: { code: ApiErrorCode.BAD_USER_INPUT, ...(argumentName ? { argumentName } : {}) },
  });
}

export function syncCursorExpired(message: string, argumentName = 'after'): GraphQLError {
  return new GraphQLError(message, { extensions: { code: ApiErrorCode.SYNC_CURSOR_EXPIRED, argumentName } });
}

export const INTERNAL_ERROR_MESSAGE = 'Internal server error. Quote the requestId when you report it.';

// Replaces an answer about to be sent by one internal error, without its data: for failures found
// after execution (a commit or an audit write that did not go through).
export function withholdResponse(response: GraphQLResponse, requestId: string, status: number, message = INTERNAL_ERROR_MESSAGE): void {
  response.body = { kind: 'single', singleResult: { errors: [{ message, extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } }] } };
  response.http.status = status;
}
