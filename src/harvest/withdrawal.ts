/**
 * What a complete full run may withdraw (DESIGN.md invariant 1, made stronger). A dataset the
 * listing did not include is withdrawn only when the listing gave at least what the portal
 * declared it holds, and when the datasets to withdraw are no more than the portal's
 * `maxWithdrawalShare` of its active datasets: a search index being rebuilt, a proxy cutting
 * answers short or an empty answer must never take half a portal out of search. Either guard
 * stores what the run saw, withdraws nothing and leaves a note on the run, until an operator
 * harvests with `--allow-mass-withdrawal`.
 */
import type { DatasetRepository, RecordFailure, RunNote } from '../store/store.js';

/** The run report's note on a dataset that a complete full run did not see and still did not withdraw. */
export const WITHDRAWAL_HELD = { stage: 'withdraw', code: 'withdrawal_held' } as const;

/**
 * Records a listing may fall short of the portal's declared count and still be complete: datasets
 * deleted while the run pages through the catalog. The larger of a few records and a thousandth.
 */
export function listingTolerance(declared: number): number {
  return Math.max(5, Math.ceil(declared / 1000));
}

/**
 * What the run driver learns from a harvester about its listing (`ctx.listing`): the largest
 * count the portal declared, and the records it answered with that the listing left out on
 * purpose. The driver compares the two with the records it was handed.
 */
export class ListingTally {
  /** The largest total the portal declared on any page, and where. */
  declared?: { total: number; url: string };
  /** Records the portal answered with that the harvester did not hand over (listed twice, another domain's copies). */
  skipped = 0;

  declare(total: number, url: string): void {
    if (Number.isFinite(total) && total >= 0 && (this.declared === undefined || total > this.declared.total)) this.declared = { total, url };
  }

  skip(count: number): void {
    this.skipped += count;
  }
}

export interface WithdrawalCheck {
  portalId: string;
  runId: string;
  /** Records the listing handed over (every one, failed ones included). */
  seen: number;
  tally: ListingTally;
  /** Ids withdrawUnseen must spare (keptFromWithdrawal). */
  keep: readonly string[];
  /** The portal's `maxWithdrawalShare` (0–1). */
  maxShare: number;
  /** An operator's `--allow-mass-withdrawal`: both guards give way. */
  allowMass: boolean;
}

/** Why the run must withdraw nothing, or undefined when it may withdraw what it did not see. */
export async function withdrawalHold(datasets: DatasetRepository, check: WithdrawalCheck): Promise<RunNote | undefined> {
  if (check.allowMass) return undefined;
  const declared = check.tally.declared?.total;
  const listed = check.seen + check.tally.skipped;
  if (declared !== undefined && listed < declared - listingTolerance(declared)) {
    return {
      code: 'listing_short',
      declared,
      listed,
      message:
        `El portal declaró ${declared} conjuntos y el listado dio ${listed}: se guardó lo visto y no se retiró nada. ` +
        `The portal declared ${declared} datasets and the listing gave ${listed}: what was seen is stored and nothing was withdrawn.`,
    };
  }
  const unseen = await datasets.countUnseen(check.portalId, check.runId, check.keep);
  if (unseen === 0) return undefined;
  const active = await datasets.count({ portalId: check.portalId, state: 'active' });
  if (unseen <= check.maxShare * active) return undefined;
  const share = `${Math.round((unseen / active) * 100)} %`;
  const limit = `${Math.round(check.maxShare * 100)} %`;
  return {
    code: 'withdrawal_capped',
    unseen,
    active,
    message:
      `El listado no incluyó ${unseen} de los ${active} conjuntos activos (${share}, más del ${limit} permitido): no se retiró ninguno; si de verdad se eliminaron, coseche con --allow-mass-withdrawal. ` +
      `The listing left out ${unseen} of the ${active} active datasets (${share}, over the ${limit} allowed): none was withdrawn; if they really were deleted, harvest with --allow-mass-withdrawal.`,
  };
}

/**
 * What a complete full run must not withdraw although the listing did not include it
 * (invariant 1), as dataset ids for `withdrawUnseen`, and a note for the run report on each
 * dataset kept for a reason the report would not otherwise show.
 *
 * A failed record is kept under its id. A failure may also name its record by another id of the
 * source (the harvester's `aliases`: DKAN 7's package names, while its datasets are stored by
 * uuid). So when a failed id is not the id of any stored dataset of the portal, every dataset
 * about to be withdrawn whose stored record has that alias is kept, and so is one whose stored
 * record cannot be read to tell. A failed id that is nobody's id or alias is a record the store
 * never had (one that has always failed): it keeps nothing back, so that one broken record does
 * not stop a portal's withdrawals for good.
 */
export async function keptFromWithdrawal(
  datasets: DatasetRepository,
  run: { portalId: string; runId: string; aliases?: (raw: unknown) => string[] },
  failed: ReadonlyMap<string, string | undefined>,
): Promise<{ keep: string[]; held: RecordFailure[] }> {
  const keep = [...failed.keys()].map((id) => `${run.portalId}:${id}`);
  const held: RecordFailure[] = [];
  if (failed.size === 0 || !run.aliases) return { keep, held };
  const unknown = new Set(failed.keys());
  const unseen: { id: string; sourceId: string }[] = [];
  for await (const batch of datasets.scan({ portalId: run.portalId, includeWithdrawn: true })) {
    for (const { dataset, state, lastSeenRunId } of batch) {
      unknown.delete(dataset.sourceId);
      if (state === 'active' && lastSeenRunId !== run.runId && !failed.has(dataset.sourceId)) unseen.push({ id: dataset.id, sourceId: dataset.sourceId });
    }
  }
  if (unknown.size === 0) return { keep, held };
  for (const candidate of unseen) {
    const raw = await datasets.getRaw(candidate.id);
    const name = raw === undefined ? undefined : run.aliases(raw).find((alias) => unknown.has(alias));
    if (raw !== undefined && name === undefined) continue;
    keep.push(candidate.id);
    const [es, en] = name === undefined
      ? [`su registro fuente no pudo leerse para saber si es uno de los ${unknown.size} registros que fallaron con un id que el almacén no tiene`, `its source record could not be read to tell whether it is one of the ${unknown.size} records that failed under an id the store does not hold`]
      : [`el registro «${name}», que falló en esta cosecha, es este conjunto con otro nombre`, `the record "${name}" that failed this run is this dataset under another name`];
    const message = `No se retiró aunque el listado no lo incluyó: ${es}. Not withdrawn although the listing did not include it: ${en}.`;
    held.push({ ...WITHDRAWAL_HELD, sourceId: candidate.sourceId, url: name === undefined ? undefined : failed.get(name), message });
  }
  return { keep, held };
}
