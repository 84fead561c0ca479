package app.reglament.amo.api;

import app.reglament.amo.api.model.AmoAccount;
import app.reglament.amo.api.model.AmoUser;
import app.reglament.amo.api.model.CustomFieldDefinition;
import app.reglament.amo.api.model.LossReason;
import app.reglament.amo.api.model.Pipeline;
import java.util.List;

/**
 * How the account is set up: the account itself, its users, pipelines and stages, lead fields and
 * loss reasons. These change rarely and are small, so they come back as whole lists.
 */
public final class AccountSetup {
  private final HalPager pager;
  private final int limit;

  AccountSetup(HalPager pager, AmoClientSettings settings) {
    this.pager = pager;
    this.limit = settings.pageLimit();
  }

  /** The account with its user groups and task types. */
  public AmoAccount account(long accountId) {
    return pager.one(
        accountId,
        AmoRequest.get("/api/v4/account").param("with", "users_groups,task_types"),
        AmoAccount.class);
  }

  /** Every user; the token's user must be an admin. */
  public List<AmoUser> users(long accountId) {
    return pager.all(accountId, AmoRequest.get("/api/v4/users"), "users", AmoUser.class, limit);
  }

  /** Every pipeline with its stages (at most 50 pipelines, so one unpaged answer). */
  public List<Pipeline> pipelines(long accountId) {
    return pager.unpaged(
        accountId, AmoRequest.get("/api/v4/leads/pipelines"), "pipelines", Pipeline.class);
  }

  public List<CustomFieldDefinition> leadCustomFields(long accountId) {
    return pager.all(
        accountId,
        AmoRequest.get("/api/v4/leads/custom_fields"),
        "custom_fields",
        CustomFieldDefinition.class,
        limit);
  }

  public List<LossReason> lossReasons(long accountId) {
    return pager.all(
        accountId,
        AmoRequest.get("/api/v4/leads/loss_reasons"),
        "loss_reasons",
        LossReason.class,
        limit);
  }
}
