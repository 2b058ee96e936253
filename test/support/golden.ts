/** Golden files of the harvester tests: one expected draft per record, and the record errors apart. */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { isRecordError } from '../../src/errors.js';

export interface Goldens {
  /** Drafts by golden file name (without `.json`), as plain JSON. */
  drafts: Map<string, unknown>;
  errors: unknown[];
}

/** Maps every record; a RecordError is listed apart under the record's name, anything else throws. */
export function mapGoldens<R>(records: readonly R[], name: (record: R, index: number) => string, toDcat: (record: R) => unknown): Goldens {
  const drafts = new Map<string, unknown>();
  const errors: unknown[] = [];
  records.forEach((record, index) => {
    try {
      drafts.set(name(record, index), JSON.parse(JSON.stringify(toDcat(record))));
    } catch (error) {
      if (!isRecordError(error)) throw error;
      errors.push({ record: name(record, index), code: error.code, sourceId: error.sourceId ?? null, message: error.message });
    }
  });
  return { drafts, errors };
}

/** Rewrites a golden folder (`UPDATE_GOLDEN=1`). */
export function writeGoldens(dir: string, drafts: Map<string, unknown>, errors: unknown[]): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, draft] of drafts) writeFileSync(`${dir}${name}.json`, `${JSON.stringify(draft, null, 2)}\n`);
  writeFileSync(`${dir}_record-errors.json`, `${JSON.stringify(errors, null, 2)}\n`);
}
