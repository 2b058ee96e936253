/**
 * What the DKAN harvester yields and reads. A DKAN portal is listed through one of three doors
 * (its `/data.json` through an injected harvester, DKAN 7's CKAN-like Action API, DKAN 2's search
 * and metastore), so every raw record says which door it came through: `toDcat` must map it the
 * same way when it is read back from the store (rescore).
 */

/** One source record, tagged with the API that gave it. */
export type DkanRecord =
  /** A DKAN 7 package (CKAN-shaped) from `current_package_list_with_resources` or `package_show`. */
  | { api: 'dkan7'; package: unknown }
  /** A DKAN 2 dataset (DCAT-US 1.1) from `/api/1/search` or the metastore. */
  | { api: 'dkan2'; dataset: unknown }
  /** A record of the portal's `/data.json`, as the injected data.json harvester yielded it. */
  | { api: 'data.json'; record: unknown }
  /**
   * A dataset that `package_list` names but `package_show` could not give: kept as a value so the
   * run report names it as one failed record, not the end of the run.
   */
  | { api: 'unfetched'; id: string; url: string; code: string; message: string };
