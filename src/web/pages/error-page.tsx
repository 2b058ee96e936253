/** The 404, 400 and 500 pages, in the layout and the visitor's language. */
import type { PageContext } from '../context.js';
import { Layout } from '../components/layout.js';
import { common } from '../i18n/common.js';

export function ErrorPage({ ctx, status, detail }: { ctx: PageContext; status: 400 | 404 | 500; detail?: string }) {
  const t = common[ctx.lang];
  const [title, text] = status === 404 ? [t.notFoundTitle, t.notFoundText] : status === 400 ? [t.badRequestTitle, detail ?? ''] : [t.errorTitle, t.errorText];
  return (
    <Layout ctx={ctx} title={title}>
      <section class="error-page">
        <h1>{title}</h1>
        <p>{text}</p>
        <p>
          <a href="/">{t.notFoundBack}</a> · <a href="/buscar">{t.navSearch}</a>
        </p>
      </section>
    </Layout>
  );
}
