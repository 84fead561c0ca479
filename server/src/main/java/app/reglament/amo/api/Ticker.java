package app.reglament.amo.api;

/**
 * A monotonic clock in nanoseconds. The rate limiter measures spacing with it rather than with wall
 * time, so an NTP step of the system clock can neither stall an account nor let a burst through.
 */
@FunctionalInterface
public interface Ticker {
  long nanoTime();

  static Ticker system() {
    return System::nanoTime;
  }
}
