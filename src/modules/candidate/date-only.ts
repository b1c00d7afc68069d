// retainUntil is a SQL date: the ORM reads it as 'YYYY-MM-DD'. These keep it in that form inside
// the service and turn it into a DateTime (midnight UTC) for GraphQL.
export function dateOnly(value: Date | string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  return value instanceof Date ? value.toISOString().slice(0, 10) : value.slice(0, 10);
}

export function dateOnlyAsDate(value: Date | string | null | undefined): Date | null {
  const date = dateOnly(value);
  return date === null ? null : new Date(`${date}T00:00:00.000Z`);
}
