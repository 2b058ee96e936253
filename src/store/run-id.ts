/** Run ids that sort by start time: `20240301T100000123Z-<10 hex>`. */
import { randomBytes } from 'node:crypto';

export function newRunId(startedAt: Date): string {
  const time = startedAt.toISOString().replace(/[-:.]/g, '');
  return `${time}-${randomBytes(5).toString('hex')}`;
}
