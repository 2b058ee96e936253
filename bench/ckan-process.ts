/**
 * The benchmark's portal: a fake CKAN serving a synthetic catalog, in a process of its own so
 * that generating and serializing its pages is not counted as Cosecha's work (a real portal is
 * another machine). `node --import tsx bench/ckan-process.ts <datasets> <rows> [latencyMs]` prints
 * its URL and serves until it is killed; with a latency, every page of the listing waits that long.
 */
import { startCkanServer, type CkanFault, type FaultRequest } from '../src/demo/ckan-server.js';
import { syntheticPackages } from '../src/demo/ckan-synthetic.js';

const [total, maxRows, latencyMs = 0] = process.argv.slice(2).map(Number);
const faults = (request: FaultRequest): CkanFault | undefined =>
  latencyMs > 0 && request.action === 'package_search' ? `delay:${latencyMs}` : undefined;
const server = await startCkanServer({ packages: syntheticPackages, total, maxRows, faults });
process.stdout.write(`${server.url}\n`);
process.on('SIGTERM', () => void server.close().then(() => process.exit(0)));
