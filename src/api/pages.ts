/**
 * Web pages: search with facets, a dataset's quality card, the portal scoreboard. Server-rendered
 * HTML over the same domain functions as the API; Spanish first, English after.
 */
import { Router } from 'express';
import { text, int } from './params.js';
import { NotFoundError } from '../errors.js';
import { buildDatasetReport } from '../../reports/index.js';
import { FACET_NAMES, type FacetName } from '../store/store.js';
import type { ApiDeps } from './app.js';
import type { PortalReport } from '../../reports/index.js';

const esc = (v: unknown): string =>
  String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** Escaped prose whose `field names` (as the recommendations write them) become <code>. */
const prose = (v: string): string => esc(v).replace(/`([^`]+)`/g, '<code>$1</code>');

const FACET_LABELS: Record<FacetName, string> = {
  portal: 'Portal', country: 'País / country', level: 'Nivel / level', publisher: 'Institución / publisher',
  theme: 'Tema / theme', format: 'Formato / format', license: 'Licencia / licence', rating: 'Calificación / rating',
};

function layout(title: string, body: string): string {
  return `<!doctype html><html lang="es"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)} · Cosecha</title><style>
body{font-family:system-ui,sans-serif;margin:0;color:#1d2a33}header{background:#1f5130;color:#fff;padding:.8rem 1.5rem}
header a{color:#fff;margin-right:1rem;text-decoration:none}main{display:flex;gap:2rem;padding:1rem 1.5rem}
aside{min-width:16rem}aside h3{font-size:.9rem;margin:1rem 0 .3rem}aside a{display:block;font-size:.85rem;color:#1f5130}
.item{border-bottom:1px solid #ddd;padding:.6rem 0}.score{font-weight:bold}.bad{color:#a11}.sufficient{color:#a60}.good{color:#275}.excellent{color:#063}
table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;font-size:.9rem}</style></head>
<body><header><a href="/"><b>Cosecha</b></a><a href="/">Buscar / search</a><a href="/portales">Portales / portals</a><a href="/api/health">API</a></header>${body}</body></html>`;
}

export function pagesRouter({ store }: ApiDeps): Router {
  const pages = Router();

  pages.get('/', async (req, res) => {
    const q = req.query as Record<string, unknown>;
    const filters: Partial<Record<FacetName, string>> = {};
    for (const name of FACET_NAMES) filters[name] = text(q, name);
    const query = text(q, 'q') ?? '';
    const result = await store.search.search({ q: query, filters, page: int(q, 'page', 1, 10_000), limit: 20 });
    const link = (name: FacetName, value: string) => {
      const params = new URLSearchParams({ ...(query ? { q: query } : {}), ...Object.fromEntries(Object.entries(filters).filter(([, v]) => v)), [name]: value });
      return `/?${params}`;
    };
    const facets = FACET_NAMES.map((name) => `<h3>${FACET_LABELS[name]}</h3>${result.facets[name].slice(0, 8).map((f) => `<a href="${esc(link(name, f.value))}">${esc(f.value)} (${f.count})</a>`).join('')}`).join('');
    const items = result.items.map((d) => `<div class="item"><a href="/datasets/${encodeURIComponent(d.id)}"><b>${esc(d.title)}</b></a>
<div>${esc(d.publisher ?? '')} · ${esc(d.portalId)}${d.alsoIn ? ` (también en / also in ${esc(d.alsoIn.join(', '))})` : ''} · ${esc(d.formats.join(', '))} · <span class="score ${d.rating}">${d.score}/500 (${d.rating})</span></div></div>`).join('');
    res.type('html').send(layout('Buscar', `<main><aside><form><input name="q" value="${esc(query)}" placeholder="educación, presupuesto…"> <button>Buscar</button></form>${facets}</aside>
<section><p>${result.total} conjuntos de datos / datasets</p>${items}</section></main>`));
  });

  pages.get('/datasets/:id', async (req, res) => {
    const found = await store.datasets.get(String(req.params.id));
    if (!found) throw new NotFoundError(`Dataset '${req.params.id}'`);
    const { dataset: d, quality: qy, recommendations: todo } = await buildDatasetReport(store, found);
    const rows = qy.indicators
      .map((i) => `<tr><td>${i.id} ${esc(i.title.es)}</td><td>${Math.round(i.points * 100) / 100} / ${i.max}</td><td>${prose(i.explanation.es)}</td><td>${i.recommendation ? `${prose(i.recommendation.es)} <b>+${i.gain}</b>` : ''}</td></tr>`)
      .join('');
    const first = todo.slice(0, 5).map((r) => `<li><b>+${r.gain}</b> ${prose(r.text.es)}</li>`).join('');
    res.type('html').send(layout(d.title, `<main><section><h1>${esc(d.title)}</h1><p>${esc(d.description ?? '')}</p>
<p>${esc(d.publisher?.name ?? '')} · ${d.landingPage ? `<a href="${esc(d.landingPage)}">fuente / source</a>` : ''}</p>
<p class="score ${qy.rating}">${qy.total} / 500 · MQA ${qy.mqa} / 405 · ${qy.rating} · ${esc(qy.freshness.status)}</p>
${first ? `<h2>Qué mejorar primero / what to fix first</h2><ol>${first}</ol>` : ''}
<table><tr><th>Indicador</th><th>Puntos</th><th>Resultado</th><th>Recomendación</th></tr>${rows}</table></section></main>`));
  });

  pages.get('/portales', async (_req, res) => {
    const rows = [];
    for (const p of await store.portals.list()) {
      const snap = await store.reports.latest({ kind: 'portal', id: p.id });
      const report = snap?.report as Pick<PortalReport, 'summary' | 'lastRun'> | undefined;
      const s = report?.summary;
      // Why the last full run withdrew nothing (harvest/withdrawal.ts): the portal's operator must see it.
      const notes = (report?.lastRun?.notes ?? []).map((n) => `<p class="bad">${esc(n.message)}</p>`).join('');
      rows.push(`<tr><td>${esc(p.name)}</td><td>${esc(p.country)}</td><td>${esc(p.level)}</td><td>${s?.datasets ?? 0}</td><td>${s?.score.mean ?? '–'}</td><td>${s?.score.mqaMean ?? '–'}</td><td>${notes}</td><td><a href="/api/portals/${encodeURIComponent(p.id)}/report">JSON</a></td></tr>`);
    }
    res.type('html').send(layout('Portales', `<main><section><h1>Portales / portals</h1><table><tr><th>Portal</th><th>País</th><th>Nivel</th><th>Conjuntos</th><th>Puntaje /500</th><th>MQA /405</th><th>Avisos de la última cosecha / last run's notices</th><th>Informe</th></tr>${rows.join('')}</table></section></main>`));
  });

  return pages;
}
