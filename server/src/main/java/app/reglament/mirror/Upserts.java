package app.reglament.mirror;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.TableField;
import org.jooq.TableRecord;
import org.jooq.exception.DataAccessException;
import org.jooq.exception.SQLStateClass;

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

  /**
   * Inserts records of one table, skipping those whose key already exists. MySQL and MariaDB do it
   * as one batch of INSERT IGNORE; on H2 each row is inserted on its own and a duplicate key is
   * skipped, because jOOQ emulates "insert or ignore" there with a MERGE whose OR-ed key conditions
   * scan the table (its cost would grow with the table).
   */
  static <R extends TableRecord<R>> int insertNew(DSLContext dsl, List<R> records) {
    if (records.isEmpty()) {
      return 0;
    }
    int inserted = 0;
    if (dsl.dialect().family() == SQLDialect.H2) {
      for (R record : records) {
        try {
          inserted += dsl.insertInto(record.getTable()).set(record).execute();
        } catch (DataAccessException e) {
          if (e.sqlStateClass() != SQLStateClass.C23_INTEGRITY_CONSTRAINT_VIOLATION) {
            throw e;
          }
        }
      }
      return inserted;
    }
    List<Query> queries =
        records.stream()
            .<Query>map(r -> dsl.insertInto(r.getTable()).set(r).onDuplicateKeyIgnore())
            .toList();
    for (int count : dsl.batch(queries).execute()) {
      inserted += Math.max(count, 0);
    }
    return inserted;
  }

  /** The incoming rows that are at least as recent as the mirror's copy (or new to it). */
  static <T> List<T> notOlder(
      DSLContext dsl,
      List<T> incoming,
      Function<T, Long> idOf,
      Function<T, Instant> updatedAtOf,
      TableField<?, Long> idField,
      TableField<?, Instant> updatedField,
      Condition ofAccount) {
    if (incoming.isEmpty()) {
      return incoming;
    }
    Map<Long, Instant> held =
        dsl.select(idField, updatedField)
            .from(idField.getTable())
            .where(ofAccount)
            .and(idField.in(incoming.stream().map(idOf).toList()))
            .fetchMap(idField, updatedField);
    return incoming.stream()
        .filter(
            row -> {
              Instant mine = held.get(idOf.apply(row));
              Instant theirs = updatedAtOf.apply(row);
              return mine == null || theirs == null || !theirs.isBefore(mine);
            })
        .toList();
  }
}
