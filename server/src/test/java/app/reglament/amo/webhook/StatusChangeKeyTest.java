package app.reglament.amo.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatusChangeKeyTest {
  private static final long ACCOUNT = 31000001L;

  @Test
  void the_key_names_the_account_deal_move_and_second() {
    assertThat(key("status", "141", "143", "1718020000"))
        .isEqualTo("webhook:status:31000001:23001001:141->143:1718020000");
  }

  @Test
  void the_status_and_update_webhooks_of_one_move_share_the_key() {
    // Different bodies (so different SHA-256), one change: the key is what lets them meet.
    String fromStatusHook = key("status", "141", "143", "1718020000");
    String fromUpdateHook = key("update", "141", "143", "1718020000");

    assertThat(fromUpdateHook).isEqualTo(fromStatusHook);
  }

  @Test
  void last_modified_stands_in_for_updated_at() {
    LeadEvent lead =
        lead(
            Fixtures.form(
                "account[id]", "31000001",
                "leads[update][0][id]", "23001001",
                "leads[update][0][old_status_id]", "141",
                "leads[update][0][status_id]", "143",
                "leads[update][0][last_modified]", "1718020000"));

    assertThat(lead.statusChangeKey(ACCOUNT))
        .contains("webhook:status:31000001:23001001:141->143:1718020000");
  }

  @Test
  void a_deal_lost_again_later_gets_a_new_key() {
    String firstLoss = key("status", "141", "143", "1718020000");
    String secondLoss = key("status", "141", "143", "1718106400");

    assertThat(secondLoss).isNotEqualTo(firstLoss);
  }

  @Test
  void accounts_never_share_a_key() {
    LeadEvent lead = lead(body("status", "141", "143", "1718020000"));

    assertThat(lead.statusChangeKey(1L)).isNotEqualTo(lead.statusChangeKey(2L));
  }

  @Test
  void there_is_no_key_without_a_time_or_without_a_move() {
    LeadEvent noTime =
        lead(
            Fixtures.form(
                "account[id]", "31000001",
                "leads[status][0][id]", "23001001",
                "leads[status][0][old_status_id]", "141",
                "leads[status][0][status_id]", "143"));
    LeadEvent noMove = lead(body("update", "141", "141", "1718020000"));
    LeadEvent noOldStage =
        lead(
            Fixtures.form(
                "account[id]", "31000001",
                "leads[update][0][id]", "23001001",
                "leads[update][0][status_id]", "143",
                "leads[update][0][updated_at]", "1718020000"));

    assertThat(noTime.statusChangeKey(ACCOUNT)).isEmpty();
    assertThat(noMove.statusChangeKey(ACCOUNT)).isEmpty();
    assertThat(noOldStage.statusChangeKey(ACCOUNT)).isEmpty();
  }

  private static String key(String action, String oldStatus, String status, String updatedAt) {
    return lead(body(action, oldStatus, status, updatedAt)).statusChangeKey(ACCOUNT).orElseThrow();
  }

  private static byte[] body(String action, String oldStatus, String status, String updatedAt) {
    String entry = "leads[" + action + "][0]";
    return Fixtures.form(
        "account[id]",
        "31000001",
        entry + "[id]",
        "23001001",
        entry + "[old_status_id]",
        oldStatus,
        entry + "[status_id]",
        status,
        entry + "[pipeline_id]",
        "7",
        entry + "[updated_at]",
        updatedAt);
  }

  private static LeadEvent lead(byte[] body) {
    return (LeadEvent) WebhookParser.parse(body).events().get(0);
  }
}
