package app.reglament.sandbox.store;

import java.time.Instant;

/** Why a deal was lost ("Дорого", "Выбрали конкурента"). */
public record LossReason(long id, String name, int sort, Instant createdAt, Instant updatedAt) {}
