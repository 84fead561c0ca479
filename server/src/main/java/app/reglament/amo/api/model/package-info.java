/**
 * amoCRM API v4 entities as immutable records, read with {@code AmoJson.mapper()}.
 *
 * <p>Conventions: names follow amoCRM's snake_case fields in camelCase; Unix-second timestamps are
 * {@link java.time.Instant}s; a scalar amoCRM may omit or send as null is a boxed type and null
 * here (never {@code Optional}, which Jackson cannot fill without a module we do not ship); a list
 * is never null, only empty; HAL {@code _embedded} parts are reachable through methods of the
 * entity ({@code lead.contacts()}). Fields amoCRM adds later are ignored. Records named {@code
 * New…} or {@code …Update} are what we send: their null components are left out of the JSON.
 */
package app.reglament.amo.api.model;
