import type { DemoCandidacy, DemoFirm, DemoInterview } from './demo-world';

// The interview room in the demo world (issue 13): interviews in every status, each panelist's
// focus, and the demo recruiter's day. Every interview of the data took place (HELD) unless it
// says otherwise; here come the others:
// - two upcoming interviews on Havbris (SCHEDULED, tomorrow and in three days, dated from the day
//   the data is loaded so that "my day" always has something ahead), with place, link and focus;
// - one of Havbris' client interviews CANCELLED with its reason (the rebooked one is above);
// - a NO_SHOW on Lindholt: Bjørn Tore Rønning did not come;
// - Sofia Hägg's interview of 17 November gets the panel's focus; Marius Eide (the demo recruiter)
//   saved half his scorecard there (demo-world.ts) and has not submitted it: overdue since the 18th.
// Ingrid Halvorsen (admin) and the calibration panels are left alone: an unsubmitted scorecard
// blinds its author to the candidacy's ratings, and the calibration demo reads as her.

const FIRM = 'nordlys';
const RECRUITER = 'recruiter@nordlys.example';
const ASTRID = 'astrid.nygaard@nordlys.example';
const JONAS = 'jonas.lindqvist@nordlys.example';

// `days` after the day the data is loaded, at `hour`:00 UTC.
function upcoming(days: number, hour: number): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + days);
  day.setUTCHours(hour, 0, 0, 0);
  return day.toISOString().replace('.000Z', 'Z');
}

// By candidate: interviews to add, and changes to an interview already in the data (by index).
const ADDED: Record<string, DemoInterview[]> = {
  'cand-stian-myklebust': [
    {
      kind: 'CLIENT',
      status: 'SCHEDULED',
      scheduledAt: upcoming(1, 9),
      durationMinutes: 90,
      location: 'Havbris Hotell Bryggen, meeting room Fyr, Bergen',
      videoLink: 'https://meet.example/havbris-stian-myklebust',
      interviewerEmails: [RECRUITER, ASTRID],
      focus: {
        [RECRUITER]: ['SERVICE_CULTURE', 'LEADS_BY_EXAMPLE', 'OUTSIDE_IN'],
        [ASTRID]: ['ACTS_ON_GAPS', 'EXECUTION', 'LEARNING_ORIENTATION'],
      },
      scorecards: [],
    },
  ],
  'cand-havard-nes': [
    {
      kind: 'CLIENT',
      status: 'CANCELLED',
      scheduledAt: '2026-11-19T12:00:00Z',
      location: 'Havbris Hotell Ålesund',
      interviewerEmails: [RECRUITER, ASTRID],
      cancelledAt: '2026-11-16T15:30:00Z',
      cancellationReason: 'Havbris’ CEO was called to a board meeting that day; the client will propose a new date.',
      scorecards: [],
    },
    {
      kind: 'CLIENT',
      status: 'SCHEDULED',
      scheduledAt: upcoming(3, 13),
      durationMinutes: 60,
      videoLink: 'https://meet.example/havbris-havard-nes',
      interviewerEmails: [RECRUITER, JONAS],
      focus: {
        [RECRUITER]: ['OUTSIDE_IN', 'SERVICE_CULTURE'],
        [JONAS]: ['LEADS_BY_EXAMPLE', 'ACTS_ON_GAPS'],
      },
      scorecards: [],
    },
  ],
  'cand-bjorn-tore-ronning': [
    {
      kind: 'CLIENT',
      status: 'NO_SHOW',
      scheduledAt: '2026-11-13T10:00:00Z',
      location: 'Lindholt Kjøkken & Interiør, head office, Hamar',
      interviewerEmails: [ASTRID, RECRUITER],
      focus: {
        [ASTRID]: ['OUTSIDE_IN', 'EXECUTION'],
        [RECRUITER]: ['LEADS_BY_EXAMPLE', 'SERVICE_CULTURE'],
      },
      scorecards: [],
    },
  ],
};

const CHANGED: Record<string, { index: number; change: Partial<DemoInterview> }> = {
  'cand-sofia-hagg': {
    index: 0,
    change: {
      durationMinutes: 90,
      location: 'Nordlys, Stureplan 4, Stockholm',
      focus: {
        [JONAS]: ['CUSTOMER_INSIGHT', 'LOYALTY_ECONOMICS', 'EXECUTION'],
        [RECRUITER]: ['SERVICE_CULTURE', 'OUTSIDE_IN', 'ACTS_ON_GAPS'],
      },
    },
  },
};

export function withInterviewRoom(firms: DemoFirm[]): DemoFirm[] {
  return firms.map((firm) =>
    firm.slug !== FIRM
      ? firm
      : {
          ...firm,
          mandates: firm.mandates.map((mandate) => ({
            ...mandate,
            candidacies: mandate.candidacies.map((candidacy) => withRoom(candidacy)),
          })),
        },
  );
}

function withRoom(candidacy: DemoCandidacy): DemoCandidacy {
  const changed = CHANGED[candidacy.candidateRef];
  const interviews = candidacy.interviews.map((interview, index) =>
    changed && changed.index === index ? { ...interview, ...changed.change } : interview,
  );
  return { ...candidacy, interviews: [...interviews, ...(ADDED[candidacy.candidateRef] ?? [])] };
}
