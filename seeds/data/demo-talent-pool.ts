import type { DemoFirm, DemoMandate } from './demo-world';

// Talent rediscovery in the demo (issue 17): a mandate opened after the firm's earlier searches,
// with nobody in its pipeline yet. Its requirement profile shares competency keys with the
// earlier mandates, so its talent pool (Mandate.talentPool) ranks the candidates already
// interviewed there, with the scorecards behind each score.
export const demoTalentPoolMandates: Record<string, DemoMandate[]> = {
  nordlys: [
    {
      ref: 'mandate-vestfjell-cco',
      title: 'Chief Customer Officer (Kundedirektør), Vestfjell',
      clientRef: 'client-vestfjell',
      leadershipLevel: 'EXECUTIVE',
      location: 'Bergen',
      status: 'OPEN',
      leadRecruiterEmail: 'astrid.nygaard@nordlys.example',
      requirements: [
        { competencyKey: 'CUSTOMER_INSIGHT', weight: 5, target: 4, minimum: 3 },
        { competencyKey: 'OUTSIDE_IN', weight: 4, target: 4, minimum: 3 },
        { competencyKey: 'SERVICE_CULTURE', weight: 3, target: 4 },
        { competencyKey: 'EXECUTION', weight: 3, target: 4 },
        { competencyKey: 'LEADS_BY_EXAMPLE', weight: 2, target: 4 },
        { competencyKey: 'FORESIGHT', weight: 2, target: 3 },
      ],
      candidacies: [],
    },
  ],
};

// The demo firms with these mandates added after their own (as calibration-panels.ts adds panels).
export function withTalentPoolMandates(firms: DemoFirm[]): DemoFirm[] {
  return firms.map((firm) => ({ ...firm, mandates: [...firm.mandates, ...(demoTalentPoolMandates[firm.slug] ?? [])] }));
}
