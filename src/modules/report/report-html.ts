import { Locale } from '../../common/locale';
import type { PresentedPublication, PresentedPublicationEntry } from '../shortlist';
import { candidateChartSpec, comparisonHeatmapSpec, renderChartSvg } from './report-charts';
import { formatDate, formatPercent, formatScore, REPORT_TEXTS, type ReportTexts } from './report-texts';

// How sure the panel's scores are, when the calibration feature provides it (PRODUCT.md §3b):
// Krippendorff's alpha and its reading. The report shows a line for it when it is given.
export interface ReportAgreement {
  // Null when there is nothing to measure yet (no pairable units or no variation).
  alpha: number | null;
  reading: string;
}

// What the report is made of: the client-facing model of one publication, and nothing else.
export type ReportModel = PresentedPublication & { agreement?: ReportAgreement | null };

// The report as one self-contained HTML document: inline CSS, charts as inline SVG, no script,
// nothing fetched from anywhere. The same document is printed to the PDF (A4, one candidate per page).
export async function renderReportHtml(model: ReportModel, locale: Locale): Promise<string> {
  const texts = REPORT_TEXTS[locale];
  const charts = await Promise.all(model.entries.map((entry) => renderChartSvg(candidateChartSpec(entry, texts))));
  const heatmap = model.entries.length > 0 ? await renderChartSvg(comparisonHeatmapSpec(model, texts)) : '';
  const title = `${texts.title}: ${model.mandateTitle}`;
  return [
    '<!DOCTYPE html>',
    `<html lang="${texts.htmlLang}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    cover(model, texts),
    ...model.entries.map((entry, index) => candidateSection(entry, charts[index], texts)),
    model.entries.length === 0 ? `<p class="empty">${escapeHtml(texts.noCandidates)}</p>` : comparison(heatmap, texts),
    glossary(model, texts),
    `<footer>${escapeHtml(texts.footer)}</footer>`,
    '</body>',
    '</html>',
  ].join('\n');
}

function cover(model: ReportModel, texts: ReportTexts): string {
  const rows: [string, string][] = [
    [texts.cover.firm, model.firmName],
    [texts.cover.client, model.clientName],
    [texts.cover.role, model.mandateTitle],
    [texts.cover.level, texts.levels[model.leadershipLevel]],
    [texts.cover.published, formatDate(texts, model.publishedAt)],
    [texts.cover.publication, String(model.number)],
    ...(model.leadConsultantName ? ([[texts.cover.lead, model.leadConsultantName]] as [string, string][]) : []),
  ];
  const agreement = model.agreement
    ? `<p class="agreement" data-agreement>${escapeHtml(texts.agreement)}: ${
        model.agreement.alpha === null
          ? ''
          : `α = ${escapeHtml(
              new Intl.NumberFormat(texts.intlLocale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(model.agreement.alpha),
            )} `
      }(${escapeHtml(texts.agreementReadings[model.agreement.reading] ?? model.agreement.reading)})</p>`
    : '';
  return `<section class="cover">
<h1>${escapeHtml(texts.title)}</h1>
<p class="role">${escapeHtml(model.mandateTitle)} · ${escapeHtml(model.clientName)}</p>
<dl>${rows.map(([term, value]) => `<dt>${escapeHtml(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('')}</dl>
${agreement}
<h2>${escapeHtml(texts.howFitHeading)}</h2>
<ul class="how-fit">${texts.howFit.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>
</section>`;
}

function candidateSection(entry: PresentedPublicationEntry, chart: string, texts: ReportTexts): string {
  const { candidate } = entry;
  const name = `${candidate.firstName} ${candidate.lastName}`;
  const languageNames = new Intl.DisplayNames([texts.intlLocale], { type: 'language' });
  const languages = candidate.languages.map((code) => languageName(languageNames, code)).join(', ');
  const change = texts.change[entry.change];
  const mustHaves =
    entry.mustHavesMet === null ? texts.mustHavesMet.unknown : entry.mustHavesMet ? texts.mustHavesMet.yes : texts.mustHavesMet.no;
  const facts = [candidate.headline, candidate.location].filter((value): value is string => Boolean(value));
  return `<section class="candidate" data-candidate="${entry.position}">
<h2><span class="position">${entry.position}.</span> ${escapeHtml(name)}${change ? ` <span class="change">${escapeHtml(change)}</span>` : ''}</h2>
${facts.length > 0 ? `<p class="facts">${facts.map(escapeHtml).join(' · ')}</p>` : ''}
${languages ? `<p class="languages">${escapeHtml(texts.languages)}: ${escapeHtml(languages)}</p>` : ''}
<div class="figures">
<div class="figure" data-figure="fit"><span class="label">${escapeHtml(texts.fit)}</span><span class="value">${
    entry.fit === null ? '–' : escapeHtml(formatPercent(texts, entry.fit / 100))
  }</span></div>
<div class="figure" data-figure="coverage"><span class="label">${escapeHtml(texts.coverage)}</span><span class="value">${escapeHtml(
    formatPercent(texts, entry.coverage),
  )}</span></div>
<div class="figure" data-figure="must-haves"><span class="label">${escapeHtml(texts.mustHaves)}</span><span class="value">${escapeHtml(
    mustHaves,
  )}</span></div>
</div>
<blockquote class="note"><span class="label">${escapeHtml(texts.note)}</span>${paragraphs(entry.note)}</blockquote>
<figure class="chart" data-chart="candidate">${chart}</figure>
<table class="competencies">
<thead><tr><th>${escapeHtml(texts.table.competency)}</th><th>${escapeHtml(texts.table.target)}</th><th>${escapeHtml(
    texts.table.minimum,
  )}</th><th>${escapeHtml(texts.table.score)}</th><th>${escapeHtml(texts.table.interviewers)}</th><th>${escapeHtml(texts.table.reads)}</th></tr></thead>
<tbody>${entry.competencies
    .map(
      (competency) =>
        `<tr${competency.disagreement ? ' class="disagreement"' : ''}><td>${escapeHtml(competency.name)}</td><td>${
          competency.target
        }</td><td>${competency.minimum ?? '–'}</td><td>${
          competency.score === null ? escapeHtml(texts.notAssessed) : escapeHtml(formatScore(texts, competency.score))
        }${competency.disagreement ? ` <span class="flag">${escapeHtml(texts.disagreementNote)}</span>` : ''}</td><td>${
          competency.ratingsCount
        }</td><td>${escapeHtml(competency.scaleText ?? '')}</td></tr>`,
    )
    .join('')}</tbody>
</table>
</section>`;
}

function comparison(heatmap: string, texts: ReportTexts): string {
  return `<section class="comparison">
<h2>${escapeHtml(texts.comparisonHeading)}</h2>
<figure class="chart" data-chart="comparison">${heatmap}</figure>
</section>`;
}

function glossary(model: ReportModel, texts: ReportTexts): string {
  return `<section class="glossary">
<h2>${escapeHtml(texts.competenciesHeading)}</h2>
<dl>${model.competencies
    .map((competency) => `<dt>${escapeHtml(competency.name)}</dt><dd>${escapeHtml(competency.description)}</dd>`)
    .join('')}</dl>
</section>`;
}

function languageName(names: Intl.DisplayNames, code: string): string {
  try {
    return names.of(code) ?? code;
  } catch {
    // Not a language tag Intl knows: shown as given.
    return code;
  }
}

function paragraphs(text: string): string {
  return text
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('');
}

export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

// System fonts only: nothing is fetched. Print: A4, each candidate starts a page.
const STYLE = `
@page { size: A4; margin: 16mm 14mm; }
* { box-sizing: border-box; }
body { font-family: "Helvetica Neue", Arial, "Liberation Sans", "DejaVu Sans", sans-serif; color: #1d2733; margin: 0 auto; max-width: 960px; padding: 24px; line-height: 1.45; }
h1 { font-size: 28px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 24px 0 8px; }
.role { font-size: 18px; color: #44546a; margin: 0 0 16px; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }
dt { font-weight: 600; }
dd { margin: 0; }
.agreement { font-weight: 600; }
.how-fit { padding-left: 20px; color: #44546a; }
section.candidate, section.comparison, section.glossary { break-before: page; page-break-before: always; padding-top: 8px; }
.position { color: #7a8797; }
.change { font-size: 12px; background: #fff1d6; color: #8a5a00; border-radius: 4px; padding: 2px 6px; vertical-align: middle; }
.facts, .languages { margin: 2px 0; color: #44546a; }
.figures { display: flex; gap: 24px; margin: 12px 0; }
.figure { border: 1px solid #d5dce4; border-radius: 6px; padding: 8px 14px; min-width: 120px; }
.figure .label { display: block; font-size: 12px; color: #6b7888; }
.figure .value { font-size: 22px; font-weight: 700; }
.note { margin: 12px 0; padding: 8px 14px; border-left: 4px solid #2f5d8a; background: #f5f8fb; }
.note .label { font-size: 12px; color: #6b7888; }
.note p { margin: 4px 0; }
figure.chart { margin: 12px 0; }
figure.chart svg { max-width: 100%; height: auto; }
table.competencies { border-collapse: collapse; width: 100%; font-size: 12px; }
table.competencies th, table.competencies td { border-bottom: 1px solid #e2e7ed; padding: 4px 6px; text-align: left; vertical-align: top; }
tr.disagreement td { background: #fff6ec; }
.flag { color: #b3640f; font-size: 11px; }
footer { margin-top: 32px; font-size: 11px; color: #7a8797; }
`;
