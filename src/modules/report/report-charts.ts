import * as vega from 'vega';
import * as vegaLite from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import type { PresentedPublication, PresentedPublicationEntry } from '../shortlist';
import { formatScore, type ReportTexts } from './report-texts';

// The report's charts as Vega-Lite specifications (plain data, testable on their own), rendered
// on the server to SVG by vega: no canvas, no browser script, no font or file from elsewhere.

// The mark names the page (and the tests) find the charts' marks by: Vega writes `<name>_marks`
// as the class of each mark group.
export const CHART_MARKS = { scores: 'scores', heatmapCells: 'cells' } as const;

const SCORE_COLOUR = '#2f5d8a';
const DISAGREEMENT_COLOUR = '#d9822b';
const NOT_ASSESSED_COLOUR = '#c8c8c8';

// One bar per weighted competency (the score; none when not assessed), a black tick at the target,
// a red tick at the minimum where one is set, and beside each: the score, how many interviewers
// gave it, and whether they disagree.
export function candidateChartSpec(entry: PresentedPublicationEntry, texts: ReportTexts): TopLevelSpec {
  const { chart } = texts;
  const rows = entry.competencies.map((competency) => {
    const state = competency.score === null ? chart.notAssessed : competency.disagreement ? chart.disagreement : chart.score;
    const figures =
      competency.score === null
        ? chart.notAssessed
        : [
            formatScore(texts, competency.score),
            `${competency.ratingsCount} ${chart.interviewers}`,
            ...(competency.disagreement ? [chart.disagreement] : []),
          ].join(' · ');
    const minimum = competency.minimum === null ? '' : ` · ${chart.minimum} ${competency.minimum}`;
    return {
      competency: competency.name,
      score: competency.score,
      target: competency.target,
      minimum: competency.minimum,
      state,
      figures,
      aria: `${competency.name}: ${figures} · ${chart.target} ${competency.target}${minimum}`,
    };
  });
  const y = { field: 'competency', type: 'nominal' as const, sort: null, title: null, axis: { labelLimit: 220 } };
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: 300,
    height: { step: 26 },
    background: 'white',
    config: { font: 'sans-serif', view: { stroke: null } },
    data: { values: rows },
    encoding: { y },
    layer: [
      {
        name: CHART_MARKS.scores,
        // invalid: null keeps the competencies nobody assessed (an empty bar) so each has its mark.
        mark: { type: 'bar', invalid: null, height: { band: 0.6 } },
        encoding: {
          x: {
            field: 'score',
            type: 'quantitative',
            scale: { domain: [0, 5] },
            axis: { values: [1, 2, 3, 4, 5], format: 'd', title: chart.score },
          },
          color: {
            field: 'state',
            type: 'nominal',
            scale: {
              domain: [chart.score, chart.disagreement, chart.notAssessed],
              range: [SCORE_COLOUR, DISAGREEMENT_COLOUR, NOT_ASSESSED_COLOUR],
            },
            legend: { title: null, orient: 'bottom' },
          },
          description: { field: 'aria' },
        },
      },
      {
        name: 'targets',
        mark: { type: 'tick', color: 'black', thickness: 3, size: 20 },
        encoding: { x: { field: 'target', type: 'quantitative' }, description: { value: chart.target } },
      },
      {
        name: 'minimums',
        mark: { type: 'tick', color: '#c0392b', thickness: 3, size: 20 },
        encoding: { x: { field: 'minimum', type: 'quantitative' }, description: { value: chart.minimum } },
      },
      {
        name: 'figures',
        mark: { type: 'text', align: 'left', dx: 8, fontSize: 11 },
        encoding: { x: { value: 300 }, text: { field: 'figures' }, description: { field: 'aria' } },
      },
    ],
  };
}

// Entries × weighted competencies, both in publication order: the colour is the score, the cell
// says it, a grey cell was not assessed.
export function comparisonHeatmapSpec(publication: PresentedPublication, texts: ReportTexts): TopLevelSpec {
  const cells = publication.entries.flatMap((entry) =>
    entry.competencies.map((competency) => {
      const label = competency.score === null ? '–' : formatScore(texts, competency.score) + (competency.disagreement ? ' !' : '');
      const candidate = `${entry.position}. ${entry.candidate.firstName} ${entry.candidate.lastName}`;
      return {
        candidate,
        competency: competency.name,
        score: competency.score,
        label,
        aria: `${candidate} · ${competency.name}: ${competency.score === null ? texts.chart.notAssessed : label}`,
      };
    }),
  );
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    width: { step: 62 },
    height: { step: 30 },
    background: 'white',
    config: { font: 'sans-serif', view: { stroke: null } },
    data: { values: cells },
    encoding: {
      x: {
        field: 'competency',
        type: 'nominal',
        sort: null,
        title: null,
        axis: { orient: 'top', labelAngle: -40, labelAlign: 'left', labelLimit: 160 },
      },
      y: { field: 'candidate', type: 'nominal', sort: null, title: null, axis: { labelLimit: 200 } },
    },
    layer: [
      {
        name: CHART_MARKS.heatmapCells,
        mark: { type: 'rect', invalid: null, stroke: 'white', strokeWidth: 2 },
        encoding: {
          color: {
            condition: { test: 'datum.score === null', value: NOT_ASSESSED_COLOUR },
            field: 'score',
            type: 'quantitative',
            scale: { domain: [1, 5], scheme: 'blues' },
            legend: { title: texts.chart.score, orient: 'right', values: [1, 2, 3, 4, 5] },
          },
          description: { field: 'aria' },
        },
      },
      {
        name: 'cellLabels',
        mark: { type: 'text', fontSize: 11 },
        encoding: {
          text: { field: 'label' },
          color: { condition: { test: 'datum.score !== null && datum.score >= 3.5', value: 'white' }, value: 'black' },
          description: { field: 'aria' },
        },
      },
    ],
  };
}

// Compiles and renders one chart to an SVG string, on the server.
export async function renderChartSvg(spec: TopLevelSpec): Promise<string> {
  const view = new vega.View(vega.parse(vegaLite.compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
