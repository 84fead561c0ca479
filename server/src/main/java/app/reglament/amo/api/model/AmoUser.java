package app.reglament.amo.api.model;

/** {@code GET /api/v4/users} (admins only). */
public record AmoUser(long id, String name, String email, String lang, Rights rights) {

  public AmoUser {
    rights = rights == null ? new Rights(false, false, false, null, null) : rights;
  }

  /** The parts of {@code rights} Reglament uses; the per-entity rights are not read. */
  public record Rights(
      boolean isAdmin, boolean isFree, boolean isActive, Long groupId, Long roleId) {}
}
