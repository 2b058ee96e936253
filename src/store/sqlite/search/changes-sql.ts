/**
 * Schema version 6: the change log search's in-memory facet index follows (facet-index.ts).
 * Triggers write it, so every writer (a harvest in another process, a rescore, a recluster, a
 * future one) keeps it right without knowing it exists. One row per dataset: `seq` is the last
 * change of its search fields, `text_seq` the last change of its full-text row (a new, changed,
 * withdrawn, restored or deleted record). Both come from one counter (the largest seq + 1, read
 * through the index), so a reader that has seen everything up to seq S asks for `seq > S`.
 *
 * A change that search does not see (a run marking an unchanged record seen) writes nothing.
 * Facet counts no longer read the datasets' facet indexes, so those go: five fewer indexes for
 * every write to maintain. Pages are ordered by score, title and id: the order index covers id too.
 */

/**
 * Logs a change of `pk`; with `text`, a change of its full-text row too. The next seq is a scalar
 * subquery: SQLite answers max() from the index there, but scans the whole log for it in a FROM clause.
 */
function logChange(pk: string, text: boolean): string {
  const next = '(SELECT coalesce(max(seq), 0) + 1 FROM search_changes)';
  return text
    ? `INSERT INTO search_changes (dataset_pk, seq, text_seq) VALUES (${pk}, ${next}, ${next})
       ON CONFLICT (dataset_pk) DO UPDATE SET seq = excluded.seq, text_seq = excluded.text_seq;`
    : `INSERT INTO search_changes (dataset_pk, seq, text_seq) VALUES (${pk}, ${next}, 0)
       ON CONFLICT (dataset_pk) DO UPDATE SET seq = excluded.seq;`;
}

/** The `datasets` columns search reads, apart from hash and state (text changes). */
const SEARCH_COLUMNS = ['portal_id', 'country', 'level', 'publisher', 'license', 'rating', 'score', 'cluster', 'copy'];

export const V6_SEARCH_CHANGES = `
CREATE TABLE search_changes (
  dataset_pk INTEGER PRIMARY KEY,
  seq INTEGER NOT NULL,
  text_seq INTEGER NOT NULL
) STRICT;
CREATE INDEX search_changes_by_seq ON search_changes (seq);

CREATE TRIGGER search_dataset_added AFTER INSERT ON datasets BEGIN ${logChange('new.pk', true)} END;
CREATE TRIGGER search_dataset_deleted AFTER DELETE ON datasets BEGIN ${logChange('old.pk', true)} END;
CREATE TRIGGER search_dataset_text AFTER UPDATE OF hash, state ON datasets
  WHEN old.hash IS NOT new.hash OR old.state IS NOT new.state BEGIN ${logChange('new.pk', true)} END;
CREATE TRIGGER search_dataset_fields AFTER UPDATE OF ${SEARCH_COLUMNS.join(', ')} ON datasets
  WHEN ${SEARCH_COLUMNS.map((c) => `old.${c} IS NOT new.${c}`).join(' OR ')} BEGIN ${logChange('new.pk', false)} END;
CREATE TRIGGER search_theme_added AFTER INSERT ON dataset_themes BEGIN ${logChange('new.dataset_pk', false)} END;
CREATE TRIGGER search_theme_removed AFTER DELETE ON dataset_themes BEGIN ${logChange('old.dataset_pk', false)} END;
CREATE TRIGGER search_format_added AFTER INSERT ON dataset_formats BEGIN ${logChange('new.dataset_pk', false)} END;
CREATE TRIGGER search_format_removed AFTER DELETE ON dataset_formats BEGIN ${logChange('old.dataset_pk', false)} END;

DROP INDEX datasets_by_country;
DROP INDEX datasets_by_level;
DROP INDEX datasets_by_publisher;
DROP INDEX datasets_by_license;
DROP INDEX datasets_by_rating;
DROP INDEX datasets_by_score;
CREATE INDEX datasets_by_order ON datasets (state, score DESC, title, id);
`;
