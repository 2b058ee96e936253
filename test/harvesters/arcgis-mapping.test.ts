/** ArcGIS Hub's quirks in its DCAT-US feed: HTML licences, identifiers as Hub URLs, bare bounding boxes. */
import assert from 'node:assert/strict';
import { arcgis, hubItemKey, hubLicense } from '../../harvesters/arcgis.js';
import { normalize } from '../../src/normalize/index.js';
import { testPortal } from '../support/portal-config.js';

const portal = testPortal({ id: 'ec-quito', platform: 'arcgis', url: 'https://quitosmart-gobiernoslocales.opendata.arcgis.com' });
const item = '4f8e2c1a9b7d4e6f8a1b2c3d4e5f6a7b';

describe('ArcGIS Hub mapping: identifiers', () => {
  const cases: [string, string, string | undefined][] = [
    ['a Hub dataset URL with a layer', `https://quitosmart-gobiernoslocales.opendata.arcgis.com/datasets/${item}_0`, `${item}_0`],
    ['the same on hub.arcgis.com', `https://hub.arcgis.com/datasets/${item}_0`, `${item}_0`],
    ['an ArcGIS Online item URL with a sublayer', `https://www.arcgis.com/home/item.html?id=${item}&sublayer=0`, `${item}_0`],
    ['an item URL without a layer', `https://www.arcgis.com/home/item.html?id=${item.toUpperCase()}`, item],
    ['a Hub dataset URL without a layer', `https://quitosmart-gobiernoslocales.opendata.arcgis.com/datasets/${item}`, item],
    ['a Hub URL naming a slug, not an item', 'https://quitosmart-gobiernoslocales.opendata.arcgis.com/datasets/quitosmart::barrios', undefined],
    ['not a URL', item, undefined],
  ];
  for (const [what, identifier, expected] of cases) {
    it(`when the identifier is ${what}, the item key is ${expected ?? 'none'}`, () => assert.equal(hubItemKey(identifier), expected));
  }

  it('keeps the Hub URL as the identifier and the item key as the source id', () => {
    const draft = arcgis.toDcat({ dataset: { identifier: `https://www.arcgis.com/home/item.html?id=${item}&sublayer=3`, title: 'Barrios' } }, portal);
    assert.equal(draft.sourceId, `${item}_3`);
    assert.equal(draft.identifier, `https://www.arcgis.com/home/item.html?id=${item}&sublayer=3`);
  });

  it('when the identifier names no item, falls back to the data.json source id', () => {
    assert.equal(arcgis.sourceId({ dataset: { title: 'Barrios', landingPage: 'https://x.example/datasets/barrios' } }), 'https://x.example/datasets/barrios');
  });
});

describe('ArcGIS Hub mapping: licences', () => {
  it('reads an HTML licence as its text, its link as the URL and the link\'s words as the title', () => {
    const html = '<p>Esta obra está bajo una <a href="https://creativecommons.org/licenses/by/4.0/deed.es" target="_blank">Licencia Creative Commons Atribución 4.0</a>.</p>';
    assert.deepEqual(hubLicense(html), {
      raw: 'Esta obra está bajo una Licencia Creative Commons Atribución 4.0.',
      url: 'https://creativecommons.org/licenses/by/4.0/deed.es',
      title: 'Licencia Creative Commons Atribución 4.0',
    });
  });

  it('reads an HTML licence without a link as its text, entities decoded', () => {
    assert.deepEqual(hubLicense('<div>Uso libre &amp; gratuito&nbsp;citando&#32;la fuente &#x2014; DMQ</div>'), { raw: 'Uso libre & gratuito citando la fuente — DMQ', url: undefined, title: undefined });
  });

  it('reads a link with single quotes', () => {
    assert.equal(hubLicense("<a href='https://opendatacommons.org/licenses/odbl/1-0/'>ODbL</a>")?.url, 'https://opendatacommons.org/licenses/odbl/1-0/');
  });

  it('reads a plain URL or name as data.json does, and an empty or tag-only licence as none', () => {
    assert.deepEqual(hubLicense('https://creativecommons.org/licenses/by/4.0'), { raw: 'https://creativecommons.org/licenses/by/4.0', url: 'https://creativecommons.org/licenses/by/4.0' });
    assert.deepEqual(hubLicense('CC BY 4.0'), { raw: 'CC BY 4.0', url: undefined });
    assert.equal(hubLicense(''), undefined);
    assert.equal(hubLicense('<p> </p>'), undefined);
    assert.equal(hubLicense(null), undefined);
  });

  it('after normalization, an HTML licence with a Creative Commons link is CC-BY-4.0', () => {
    const draft = arcgis.toDcat({ dataset: { identifier: `https://hub.arcgis.com/datasets/${item}_0`, title: 'Parroquias', license: '<p><a href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</a></p>', spatial: '-78.8003,-0.4137,-78.2710,0.0312' } }, portal);
    const dataset = normalize(draft, { portalId: portal.id, harvestedAt: '2024-04-01T00:00:00.000Z', runId: 'r1', sourceUrl: portal.url });
    assert.equal(dataset.license?.id, 'CC-BY-4.0');
    assert.deepEqual(dataset.spatial?.bbox, [-78.8003, -0.4137, -78.271, 0.0312]);
  });
});
