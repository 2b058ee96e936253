/** The page's data as files: each link names its format. */
import type { PageContext } from '../context.js';
import { common } from '../i18n/common.js';

export interface Download {
  format: 'csv' | 'xlsx' | 'json';
  href: string;
}

export function Downloads({ ctx, files }: { ctx: PageContext; files: Download[] }) {
  const t = common[ctx.lang];
  const names = { csv: t.downloadCsv, xlsx: t.downloadXlsx, json: t.downloadJson };
  return (
    <p class="downloads">
      {t.download}:{' '}
      {files.map((f, i) => (
        <>
          {i > 0 && ' · '}
          <a href={f.href} download>{names[f.format]}</a>
        </>
      ))}
    </p>
  );
}
