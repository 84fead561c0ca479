package app.reglament.engine;

import app.reglament.rules.Finding;
import app.reglament.rules.Indicator;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A subject's share of one score counter: so many applicable and violated items of one indicator,
 * charged to one manager on one day.
 */
record Contribution(Indicator indicator, long userId, long epochDay, int applicable, int violated) {

  record Key(Indicator indicator, long userId, long epochDay) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = Long.compare(userId, o.userId);
      if (c == 0) {
        c = Long.compare(epochDay, o.epochDay);
      }
      return c != 0 ? c : indicator.compareTo(o.indicator);
    }
  }

  Key key() {
    return new Key(indicator, userId, epochDay);
  }

  /** The findings of one subject summed per counter; findings charged to nobody count nowhere. */
  static List<Contribution> of(List<Finding> findings) {
    Map<Key, int[]> sums = new TreeMap<>();
    for (Finding f : findings) {
      if (f.userId() == null) {
        continue;
      }
      int[] sum =
          sums.computeIfAbsent(
              new Key(f.indicator(), f.userId(), f.day().toEpochDay()), k -> new int[2]);
      sum[0]++;
      if (f.violated()) {
        sum[1]++;
      }
    }
    List<Contribution> out = new ArrayList<>(sums.size());
    sums.forEach(
        (k, v) -> out.add(new Contribution(k.indicator(), k.userId(), k.epochDay(), v[0], v[1])));
    return out;
  }

  /** {@code first_contact,12,20400,1,0;...} */
  static String encode(List<Contribution> contributions) {
    StringBuilder out = new StringBuilder(contributions.size() * 24);
    for (Contribution c : contributions) {
      if (!out.isEmpty()) {
        out.append(';');
      }
      out.append(c.indicator.code())
          .append(',')
          .append(c.userId)
          .append(',')
          .append(c.epochDay)
          .append(',')
          .append(c.applicable)
          .append(',')
          .append(c.violated);
    }
    return out.toString();
  }

  static List<Contribution> decode(String text) {
    if (text == null || text.isEmpty()) {
      return List.of();
    }
    List<Contribution> out = new ArrayList<>();
    for (String part : text.split(";")) {
      String[] f = part.split(",");
      Indicator indicator =
          Indicator.byCode(f[0])
              .orElseThrow(() -> new IllegalStateException("Unknown indicator in " + part));
      out.add(
          new Contribution(
              indicator,
              Long.parseLong(f[1]),
              Long.parseLong(f[2]),
              Integer.parseInt(f[3]),
              Integer.parseInt(f[4])));
    }
    return out;
  }

  /**
   * What to add to the counters when a subject's contributions change from {@code before} to {@code
   * after}. A state item of a past day stays as it was at the end of that day, so it is not taken
   * out. A full evaluation on {@code lastFullDay} counted every subject's state items afresh for
   * that day, including subjects whose row it did not need to rewrite, so a state item recorded
   * before that day belongs to that day.
   */
  static Map<Key, int[]> delta(
      List<Contribution> before, List<Contribution> after, LocalDate today, long lastFullDay) {
    Map<Key, int[]> delta = new TreeMap<>();
    long todayDay = today.toEpochDay();
    for (Contribution c : before) {
      Key key = c.key();
      if (c.indicator.kind() == Indicator.Kind.STATE) {
        long day = Math.max(c.epochDay, lastFullDay);
        if (day < todayDay) {
          continue;
        }
        key = new Key(c.indicator, c.userId, day);
      }
      int[] d = delta.computeIfAbsent(key, k -> new int[2]);
      d[0] -= c.applicable;
      d[1] -= c.violated;
    }
    for (Contribution c : after) {
      int[] d = delta.computeIfAbsent(c.key(), k -> new int[2]);
      d[0] += c.applicable;
      d[1] += c.violated;
    }
    delta.values().removeIf(d -> d[0] == 0 && d[1] == 0);
    return delta;
  }

  /**
   * Whether a stored row already says what a full evaluation on {@code today} found: the same
   * items, its state items recorded on an earlier day standing for today (see {@link #delta}).
   */
  static boolean sameToday(List<Contribution> stored, List<Contribution> found, LocalDate today) {
    if (stored.size() != found.size()) {
      return false;
    }
    long todayDay = today.toEpochDay();
    Map<Key, int[]> a = new TreeMap<>();
    for (Contribution c : stored) {
      long day =
          c.indicator.kind() == Indicator.Kind.STATE ? Math.max(c.epochDay, todayDay) : c.epochDay;
      a.put(new Key(c.indicator, c.userId, day), new int[] {c.applicable, c.violated});
    }
    if (a.size() != found.size()) {
      return false;
    }
    for (Contribution c : found) {
      int[] v = a.get(c.key());
      if (v == null || v[0] != c.applicable || v[1] != c.violated) {
        return false;
      }
    }
    return true;
  }
}
