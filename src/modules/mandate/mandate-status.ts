import { MandateStatus } from './mandate.entity';

// The status machine: DRAFT → OPEN → PRESENTED → FILLED; back from PRESENTED to OPEN when the
// client asks for more candidates; CANCELLED from any status that is not final.
const NEXT: Record<MandateStatus, readonly MandateStatus[]> = {
  [MandateStatus.DRAFT]: [MandateStatus.OPEN, MandateStatus.CANCELLED],
  [MandateStatus.OPEN]: [MandateStatus.PRESENTED, MandateStatus.CANCELLED],
  [MandateStatus.PRESENTED]: [MandateStatus.FILLED, MandateStatus.OPEN, MandateStatus.CANCELLED],
  [MandateStatus.FILLED]: [],
  [MandateStatus.CANCELLED]: [],
};

export function nextStatuses(from: MandateStatus): readonly MandateStatus[] {
  return NEXT[from];
}

export function isFinalStatus(status: MandateStatus): boolean {
  return NEXT[status].length === 0;
}

export function canChangeStatus(from: MandateStatus, to: MandateStatus): boolean {
  return NEXT[from].includes(to);
}

// Why a change is refused, naming both statuses and what would be possible instead.
export function refusedStatusChange(from: MandateStatus, to: MandateStatus): string {
  const refusal = `A mandate cannot go from ${from} to ${to}`;
  if (isFinalStatus(from)) return `${refusal}: ${from} is final.`;
  return `${refusal}; from ${from} it can go to ${NEXT[from].join(' or ')}.`;
}
