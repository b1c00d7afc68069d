import fc from 'fast-check';
import { Locale } from '../../src/common/locale';
import { LeadershipLevel } from '../../src/modules/mandate';
import {
  entryChange,
  PresentedEntryChange,
  presentCompetency,
  type PresentedFigures,
  type PresentedPublication,
  type SnapshotCompetency,
  type SnapshotFigures,
} from '../../src/modules/shortlist';
import { candidateChartSpec, CHART_MARKS, REPORT_TEXTS, renderReportHtml } from '../../src/modules/report';

// The report's pure parts, without a database or a browser: the figures a client reads, the
// Vega-Lite specifications and the HTML they make.

const TEXTS = {
  name: { EN: 'Outside-in', NB: 'Utenfra og inn', DA: 'Udefra og ind', SV: 'Utifrån och in' },
  description: { EN: 'Sees the business through the customer’s eyes.', NB: 'Ser virksomheten med kundens øyne.', DA: 'd', SV: 's' },
  anchors: [1, 2, 3, 4, 5].map((level) => ({ EN: `level ${level}`, NB: `nivå ${level}`, DA: `niveau ${level}`, SV: `nivå ${level}` })),
};

const competency = fc.record({
  key: fc.constant('OUTSIDE_IN'),
  weight: fc.integer({ min: 1, max: 5 }),
  target: fc.integer({ min: 1, max: 5 }),
  minimum: fc.option(fc.integer({ min: 1, max: 5 }), { nil: null }),
  ratingsCount: fc.integer({ min: 1, max: 4 }),
  score: fc.option(fc.double({ min: 1, max: 5, noNaN: true }), { nil: null }),
  spread: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
});

describe('what a client reads of a competency', () => {
  it('should say disagreement exactly when the spread is 2 or more, and give the anchor of the score rounded half up', () => {
    fc.assert(
      fc.property(competency, fc.constantFrom(...Object.values(Locale)), (drawn, locale) => {
        const stored: SnapshotCompetency = { ...drawn, gap: null, surplus: null, attainment: null, meetsMinimum: null };
        const figures = presentCompetency(stored, TEXTS, locale);
        // The reference: the plain reading of PRODUCT.md §3 and of a 1–5 anchored scale.
        const disagreement = drawn.spread === undefined ? null : drawn.spread >= 2;
        const scaleText = drawn.score === null ? null : TEXTS.anchors[Math.round(drawn.score) - 1][locale];
        expect(figures.disagreement).toBe(disagreement);
        expect(figures.scaleText).toBe(scaleText);
        expect(figures.score).toBe(drawn.score);
        expect(figures.name).toBe(TEXTS.name[locale]);
      }),
    );
  });

  it('should call an entry new without an earlier snapshot, changed when a figure or the note differs, else unchanged', () => {
    const snapshot = fc.record({
      note: fc.constantFrom('a', 'b'),
      fit: fc.option(fc.constantFrom(50, 95), { nil: null }),
      coverage: fc.constantFrom(0.5, 1),
      mustHavesMet: fc.constantFrom(true, false, null),
      competencies: fc.array(competency, { minLength: 1, maxLength: 3 }),
    });
    fc.assert(
      fc.property(snapshot, snapshot, (a, b) => {
        const previous = a as unknown as SnapshotFigures;
        const current = b as unknown as SnapshotFigures;
        const scores = (s: SnapshotFigures) => s.competencies.map((c) => `${c.key}:${c.score}`).join();
        const same =
          a.note === b.note &&
          a.fit === b.fit &&
          a.coverage === b.coverage &&
          a.mustHavesMet === b.mustHavesMet &&
          scores(previous) === scores(current);
        expect(entryChange(previous, current)).toBe(same ? PresentedEntryChange.UNCHANGED : PresentedEntryChange.CHANGED);
        expect(entryChange(null, current)).toBe(PresentedEntryChange.NEW);
        expect(entryChange(current, current)).toBe(PresentedEntryChange.UNCHANGED);
      }),
    );
  });
});

function figures(key: string, name: string, score: number | null, spread: number): PresentedFigures {
  return {
    key,
    name,
    description: `${name} described`,
    weight: 3,
    target: 4,
    minimum: key === 'A' ? 3 : null,
    score,
    gap: score === null ? null : score - 4,
    meetsMinimum: null,
    ratingsCount: score === null ? 0 : 3,
    disagreement: score === null ? false : spread >= 2,
    scaleText: score === null ? null : `anchor of ${name}`,
  };
}

const HOSTILE = '<img src=x onerror="alert(1)">';

function model(entries: number): PresentedPublication {
  const columns = [
    ['A', 'Kundeinnsikt'],
    ['B', 'Utenfra og inn'],
    ['C', 'Gjennomføring'],
  ];
  return {
    publicationId: 'p',
    mandateId: 'm',
    number: 2,
    publishedAt: new Date('2026-11-04T10:00:00Z'),
    firmName: 'Nordlys Executive Search',
    clientName: 'Fjordnett AS',
    mandateTitle: 'Kundedirektør',
    leadershipLevel: LeadershipLevel.EXECUTIVE,
    leadConsultantName: 'Marius Eide',
    competencies: columns.map(([key, name]) => ({ key, name, description: `${name} described`, weight: 3, target: 4, minimum: null })),
    entries: Array.from({ length: entries }, (_, index) => ({
      position: index + 1,
      candidate: {
        firstName: index === 0 ? HOSTILE : `Kandidat${index}`,
        lastName: 'Ærø',
        headline: 'Kundedirektør, Bølgen',
        location: 'Bergen',
        languages: ['nb', 'sv'],
      },
      note: `Note & <b>${index}</b>`,
      fit: 78.4,
      coverage: 2 / 3,
      mustHavesMet: null,
      change: index === 0 ? PresentedEntryChange.NEW : PresentedEntryChange.UNCHANGED,
      competencies: [figures('A', 'Kundeinnsikt', 3.5, 2), figures('B', 'Utenfra og inn', null, 0), figures('C', 'Gjennomføring', 4, 0)],
    })),
  };
}

// The marks of one named mark group in a rendered SVG.
function marksIn(svg: string, name: string): number {
  return svg
    .split(`role-mark ${name}_marks"`)
    .slice(1)
    .map((group) => group.slice(0, group.indexOf('</g>')).split('<path').length - 1)
    .reduce((sum, count) => sum + count, 0);
}

describe('the report document', () => {
  it('should give each candidate a chart with one bar per weighted competency, not-assessed ones included', () => {
    const spec = candidateChartSpec(model(1).entries[0], REPORT_TEXTS.EN) as unknown as { data: { values: { score: number | null }[] } };
    expect(spec.data.values.map((row) => row.score)).toEqual([3.5, null, 4]);
  });

  it.each(Object.values(Locale))(
    'should render %s with a chart per candidate, the heatmap, the locale’s numbers and no outside address',
    async (locale) => {
      const html = await renderReportHtml(model(3), locale);
      const sections = html.split('<section class="candidate"').slice(1);
      expect(sections).toHaveLength(3);
      for (const section of sections) expect(marksIn(section, CHART_MARKS.scores)).toBe(3);
      const comparison = html.slice(html.indexOf('<section class="comparison">'));
      expect(marksIn(comparison, CHART_MARKS.heatmapCells)).toBe(9);
      const percent = new Intl.NumberFormat(REPORT_TEXTS[locale].intlLocale, { style: 'percent', maximumFractionDigits: 0 });
      expect(html).toContain(percent.format(0.784));
      expect(html).toContain(percent.format(2 / 3));
      expect(html).toContain(`<html lang="${REPORT_TEXTS[locale].htmlLang}">`);
      // Addresses only as SVG's namespace names (never fetched).
      expect(html.replace(/ xmlns(:xlink)?="http:\/\/www\.w3\.org\/[\w/]+"/g, '')).not.toMatch(/(https?:)?\/\/[a-z]/i);
      expect(html).not.toContain('<script');
    },
  );

  it('should escape every text it is given, in the page and in the charts', async () => {
    const html = await renderReportHtml(model(2), Locale.NB);
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(html).toContain('Note &amp; &lt;b&gt;0&lt;/b&gt;');
  });

  it('should show the panel’s agreement only when it is given', async () => {
    expect(await renderReportHtml(model(1), Locale.EN)).not.toContain('data-agreement');
    const html = await renderReportHtml({ ...model(1), agreement: { alpha: 0.8234, reading: 'RELIABLE' } }, Locale.NB);
    expect(html).toContain('<p class="agreement" data-agreement>Intervjuernes samstemthet: α = 0,82 (pålitelig)</p>');
    const undefinedAlpha = await renderReportHtml({ ...model(1), agreement: { alpha: null, reading: 'INSUFFICIENT_DATA' } }, Locale.SV);
    expect(undefinedAlpha).toContain('data-agreement>');
    expect(undefinedAlpha).toMatch(/data-agreement>[^<]*: \(för lite data\)<\/p>/);
  });

  it('should say so when no candidate is left on the shortlist', async () => {
    const html = await renderReportHtml(model(0), Locale.SV);
    expect(html).toContain('Inga kandidater finns på listan.');
    expect(html).not.toContain('data-chart');
  });
});
