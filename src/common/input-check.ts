import { UserErrorCode, UserInputError, type UserErrorData } from './errors';

// Collects every problem of one input, so the caller learns all of them at once.
export class InputCheck {
  private readonly errors: UserErrorData[] = [];

  add(code: UserErrorCode, message: string, field: string[]): this {
    this.errors.push({ code, message, field });
    return this;
  }

  // Trimmed text within a length limit; '' counts as missing when required.
  text(field: string[], value: string | null | undefined, options: { max: number; required?: boolean }): string | null {
    const trimmed = value?.trim() ?? '';
    if (!trimmed) {
      if (options.required) this.add(UserErrorCode.REQUIRED, `${label(field)} is required.`, field);
      return null;
    }
    if (trimmed.length > options.max) {
      this.add(UserErrorCode.TOO_LONG, `${label(field)} is longer than ${options.max} characters.`, field);
    }
    return trimmed;
  }

  // Optimistic locking: the caller's expectedVersion (when given) must be the version it changes.
  version(what: string, actual: number, expected: number | null | undefined): this {
    if (expected !== null && expected !== undefined && expected !== actual) {
      this.add(
        UserErrorCode.CONFLICT,
        `The ${what} is at version ${actual}, not ${expected}: it was changed meanwhile. Read it again and redo your change.`,
        ['input', 'expectedVersion'],
      );
    }
    return this;
  }

  integer(field: string[], value: number | null | undefined, min: number, max: number): number | null {
    if (value === null || value === undefined) return null;
    if (!Number.isInteger(value) || value < min || value > max) {
      this.add(UserErrorCode.OUT_OF_RANGE, `${label(field)} must be a whole number from ${min} to ${max}.`, field);
    }
    return value;
  }

  get ok(): boolean {
    return this.errors.length === 0;
  }

  // Throws the collected errors, rolling back the mutation's transaction.
  done(): void {
    if (this.errors.length > 0) throw new UserInputError(this.errors);
  }
}

function label(field: string[]): string {
  return field.at(-1) ?? 'input';
}
