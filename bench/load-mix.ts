/**
 * The request mix of `npm run load`: what visitors of a regional index ask, varied enough that
 * most searches are not repeats. Drawn from a seeded generator, so two runs ask the same things.
 */

/** What a request is, for the figures per kind. */
export type RequestKind = 'search' | 'dataset' | 'page:search' | 'page:dataset' | 'page:portals';

/** Facet values to filter by, as the API reported them (its `facets`). */
export type FacetValues = Record<string, { value: string }[]>;

const WORDS = [
  'educacion', 'salud', 'presupuesto', 'matricula', 'obras publicas', 'contratacion', 'transito', 'poblacion parroquia',
  'recaudacion', 'cuenca', 'loja', 'inec', '2019', 'datos 2021', 'matri', 'presupuesto ejecutado', 'ministerio',
  'accidentes', 'tributaria', 'escolar 2015', 'planificacion', 'atenciones', 'economia finanzas', 'secretaria nacional',
];
/** Facets a visitor filters by (every value the API offers for them). */
const FILTERED = ['publisher', 'format', 'license', 'rating', 'theme', 'level', 'country'];

/** Mulberry32: small, fast and good enough to draw a request mix. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mix {
  /** The next request: its path and kind. */
  next(): { path: string; kind: RequestKind };
}

/**
 * Half searches through the API (text from WORDS two times in three, up to two filters, pages 1–5,
 * the first most often), a sixth each dataset reports and search pages, the rest dataset pages
 * and the portal scoreboard.
 */
export function requestMix(options: { seed: number; facets: FacetValues; datasetId: (i: number) => string; datasets: number }): Mix {
  const random = seeded(options.seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const facets = FILTERED.filter((name) => (options.facets[name] ?? []).length > 0);
  const searchParams = (): URLSearchParams => {
    const params = new URLSearchParams();
    if (random() < 2 / 3) params.set('q', pick(WORDS));
    const filters = Math.floor(random() * 3);
    for (let i = 0; i < filters; i++) {
      const name = pick(facets);
      params.set(name, pick(options.facets[name]).value);
    }
    const page = random() < 0.6 ? 1 : 2 + Math.floor(random() * 4);
    if (page > 1) params.set('page', String(page));
    return params;
  };
  const dataset = () => encodeURIComponent(options.datasetId(Math.floor(random() * options.datasets)));
  return {
    next() {
      const r = random();
      if (r < 0.5) return { path: `/api/datasets?${searchParams()}`, kind: 'search' };
      if (r < 2 / 3) return { path: `/api/datasets/${dataset()}`, kind: 'dataset' };
      if (r < 5 / 6) return { path: `/buscar?${searchParams()}`, kind: 'page:search' };
      if (r < 0.95) return { path: `/conjuntos/${dataset()}`, kind: 'page:dataset' };
      return { path: '/portales', kind: 'page:portals' };
    },
  };
}
