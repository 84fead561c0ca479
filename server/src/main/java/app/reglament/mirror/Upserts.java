package app.reglament.mirror;

import java.util.List;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.TableRecord;

/** Insert-or-update of many rows as one JDBC batch, on H2 and MySQL/MariaDB alike. */
final class Upserts {
  private Upserts() {}

  /** Upserts records of one table; only the fields each record has set are written. */
  static <R extends TableRecord<R>> void upsert(DSLContext dsl, List<R> records) {
    if (records.isEmpty()) {
      return;
    }
    List<Query> queries =
        records.stream()
            .<Query>map(r -> dsl.insertInto(r.getTable()).set(r).onDuplicateKeyUpdate().set(r))
            .toList();
    dsl.batch(queries).execute();
  }

  /** Inserts records of one table, skipping those whose key already exists. */
  static <R extends TableRecord<R>> int insertNew(DSLContext dsl, List<R> records) {
    if (records.isEmpty()) {
      return 0;
    }
    List<Query> queries =
        records.stream()
            .<Query>map(r -> dsl.insertInto(r.getTable()).set(r).onDuplicateKeyIgnore())
            .toList();
    int inserted = 0;
    for (int count : dsl.batch(queries).execute()) {
      inserted += Math.max(count, 0);
    }
    return inserted;
  }
}
