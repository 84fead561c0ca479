package app.reglament.db;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Row1;
import org.jooq.Row2;
import org.jooq.SQLDialect;
import org.jooq.Table;
import org.jooq.TableLike;
import org.jooq.impl.DSL;

/**
 * "The rows of a table whose column is one of these values", in the form each database answers with
 * index seeks on (account_id, column, ...).
 *
 * <p>MySQL and MariaDB get {@code column IN (...)}. H2 seeks an index with an IN list only when the
 * column is the index's first one, and every Reglament index starts with account_id, so there an IN
 * list reads all the account's rows. Instead the values become a {@code VALUES} table that the
 * table is LEFT JOINed to, with the other key conditions in the ON clause: H2 keeps an outer join's
 * order, so it reads the values and seeks the index once for each.
 *
 * <pre>
 * OneOf tasks = OneOf.of(dsl, TASKS, TASKS.ENTITY_ID, ids, TASKS.ACCOUNT_ID.eq(a));
 * dsl.select(TASKS.fields()).from(tasks.from()).where(tasks.where(), TASKS.IS_DELETED.isFalse())
 * </pre>
 *
 * @param from the table, or on H2 the values joined with it
 * @param where the conditions, or on H2 that a row was found
 */
public record OneOf(TableLike<?> from, Condition where) {

  /**
   * @param keyConditions the other conditions on the index's columns (the account, say): on H2 they
   *     are part of the join, which is what lets the index be used
   */
  public static <T> OneOf of(
      DSLContext dsl,
      Table<?> table,
      Field<T> column,
      Collection<? extends T> values,
      Condition... keyConditions) {
    Condition keys = DSL.and(keyConditions);
    if (values.isEmpty()) {
      return new OneOf(table, DSL.falseCondition());
    }
    if (!isH2(dsl)) {
      return new OneOf(table, column.in(values).and(keys));
    }
    Set<T> distinct = new LinkedHashSet<>(values);
    @SuppressWarnings("unchecked")
    Row1<T>[] rows = new Row1[distinct.size()];
    int i = 0;
    for (T value : distinct) {
      rows[i++] = DSL.row(DSL.val(value, column.getDataType()));
    }
    Table<?> list = DSL.values(rows).as("one_of", "v");
    Field<T> value = list.field("v", column.getType());
    return new OneOf(
        list.leftJoin(table).on(column.eq(value).and(keys)), column.isNotNull().and(keys));
  }

  /**
   * {@code (account_id, key) IN (...)} for a table whose primary key is exactly (account_id, key).
   * A condition on the table alone, so that a {@code SELECT ... FOR UPDATE} locks the rows on H2
   * too, which H2 answers with seeks in the primary key when the row is written out in full.
   */
  public static <T> Condition primaryKeyIn(
      DSLContext dsl,
      Field<Long> account,
      long accountId,
      Field<T> key,
      Collection<? extends T> values) {
    if (values.isEmpty()) {
      return DSL.falseCondition();
    }
    if (!isH2(dsl)) {
      return account.eq(accountId).and(key.in(values));
    }
    List<Row2<Long, T>> rows =
        new LinkedHashSet<T>(values)
            .stream()
                .map(v -> DSL.row(DSL.val(accountId, account), DSL.val(v, key.getDataType())))
                .toList();
    return DSL.row(account, key).in(rows);
  }

  private static boolean isH2(DSLContext dsl) {
    return dsl.dialect().family() == SQLDialect.H2;
  }
}
