import assert from 'node:assert/strict';
import { progressBar, SeenCounter } from '../../src/cli/progress.js';
import { startCkanServer } from '../../src/demo/ckan-server.js';
import { ckanPackages } from '../support/ckan-packages.js';
import { ckanPortal, testContainer } from '../support/test-container.js';

/** Runs `draw` with stderr taken for a terminal (or not), and returns what was written to it. */
function stderrOf(isTTY: boolean, draw: () => void): string {
  const stderr = process.stderr as NodeJS.WriteStream & { isTTY: boolean };
  const { isTTY: wasTTY, write } = stderr;
  let written = '';
  stderr.isTTY = isTTY;
  stderr.write = ((chunk: string | Uint8Array) => ((written += String(chunk)), true)) as typeof stderr.write;
  try {
    draw();
  } finally {
    stderr.isTTY = wasTTY;
    stderr.write = write;
  }
  return written;
}

describe('progress on a terminal', () => {
  it('a link bar is drawn from the first report, never as a full bar at 0/0', () => {
    const none = stderrOf(true, () => progressBar('ec-x [{bar}] {value}/{total} links').stop());
    assert.equal(none, '', 'nothing to check: no bar');
    const some = stderrOf(true, () => {
      const bar = progressBar('ec-x [{bar}] {value}/{total} links');
      bar.update(1, 4);
      bar.stop();
    });
    assert.match(some, /ec-x \[█{10}░{30}\] 1\/4 links/);
  });

  it('harvest counts the datasets each portal has seen, and prints its summary lines as they come', () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (line: string) => lines.push(line);
    try {
      const drawn = stderrOf(true, () => {
        const counter = new SeenCounter();
        counter.update('ec-a', 100);
        counter.update('ec-b', 50);
        counter.finish('ec-a', 'ec-a: full run succeeded.');
        counter.stop();
      });
      assert.match(drawn, /ec-a: 100 · ec-b: 50 conjuntos vistos \/ datasets seen/);
      assert.deepEqual(lines, ['ec-a: full run succeeded.']);
    } finally {
      console.log = log;
    }
  });

  it('off a terminal nothing is drawn', () => {
    const drawn = stderrOf(false, () => {
      const bar = progressBar('{value}/{total}');
      bar.update(1, 2);
      bar.stop();
      const counter = new SeenCounter();
      counter.update('ec-a', 1);
      counter.stop();
    });
    assert.equal(drawn, '');
  });

  it('a harvest reports the records seen after each page', async () => {
    const portal = await startCkanServer({ packages: ckanPackages(12) });
    const c = await testContainer([ckanPortal('ec-paginas', portal.url)]);
    try {
      const seen: number[] = [];
      await c.harvest({ portal: c.config.portals[0], full: true, onProgress: (n) => seen.push(n) });
      assert.deepEqual(seen, [5, 10, 12]);
    } finally {
      await c.close();
      await portal.close();
    }
  });
});
