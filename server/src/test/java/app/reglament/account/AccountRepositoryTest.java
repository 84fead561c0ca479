package app.reglament.account;

import static org.assertj.core.api.Assertions.assertThat;

import app.reglament.testing.DatabaseTest;
import app.reglament.testing.TestDatabase;
import java.time.Instant;

class AccountRepositoryTest {
  private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");

  @DatabaseTest
  void installing_a_new_account_makes_it_active_with_an_unguessable_hook_token(TestDatabase db) {
    var accounts = new AccountRepository(db.dsl());

    Account account = accounts.install(31_000_001L, "sales.amocrm.ru", T0);

    assertThat(account.id()).isEqualTo(31_000_001L);
    assertThat(account.baseDomain()).isEqualTo("sales.amocrm.ru");
    assertThat(account.state()).isEqualTo(AccountState.ACTIVE);
    assertThat(account.hookToken()).matches("[A-Za-z0-9_-]{43}");
    assertThat(account.installedAt()).isEqualTo(T0);
    assertThat(accounts.install(31_000_002L, "other.kommo.com", T0).hookToken())
        .isNotEqualTo(account.hookToken());
  }

  @DatabaseTest
  void reinstalling_keeps_the_hook_token_and_reactivates_the_account(TestDatabase db) {
    var accounts = new AccountRepository(db.dsl());
    Account first = accounts.install(7L, "old.amocrm.ru", T0);
    accounts.changeState(7L, AccountState.NEEDS_REAUTH, "invalid_grant", T0.plusSeconds(60));

    Account again = accounts.install(7L, "new.amocrm.ru", T0.plusSeconds(120));

    assertThat(again.hookToken()).isEqualTo(first.hookToken());
    assertThat(again.installedAt()).isEqualTo(T0);
    assertThat(again.updatedAt()).isEqualTo(T0.plusSeconds(120));
    assertThat(again.baseDomain()).isEqualTo("new.amocrm.ru");
    assertThat(again.state()).isEqualTo(AccountState.ACTIVE);
    assertThat(again.stateReason()).isEmpty();
    assertThat(db.dsl().fetchCount(app.reglament.db.generated.Tables.ACCOUNTS)).isEqualTo(1);
  }

  @DatabaseTest
  void a_hook_token_resolves_to_its_own_account_only(TestDatabase db) {
    var accounts = new AccountRepository(db.dsl());
    Account one = accounts.install(1L, "one.amocrm.ru", T0);
    Account two = accounts.install(2L, "two.amocrm.ru", T0);

    assertThat(accounts.findByHookToken(one.hookToken())).map(Account::id).contains(1L);
    assertThat(accounts.findByHookToken(two.hookToken())).map(Account::id).contains(2L);
    assertThat(accounts.findByHookToken("not-a-token")).isEmpty();
    assertThat(accounts.find(3L)).isEmpty();
  }

  @DatabaseTest
  void changing_the_state_records_the_reason_and_touches_only_that_account(TestDatabase db) {
    var accounts = new AccountRepository(db.dsl());
    accounts.install(1L, "one.amocrm.ru", T0);
    accounts.install(2L, "two.amocrm.ru", T0);

    boolean changed =
        accounts.changeState(1L, AccountState.INACTIVE, "uninstalled", T0.plusSeconds(5));

    assertThat(changed).isTrue();
    Account one = accounts.find(1L).orElseThrow();
    assertThat(one.state()).isEqualTo(AccountState.INACTIVE);
    assertThat(one.stateReason()).contains("uninstalled");
    assertThat(accounts.find(2L).orElseThrow().state()).isEqualTo(AccountState.ACTIVE);
    assertThat(accounts.changeState(99L, AccountState.INACTIVE, "x", T0)).isFalse();
  }

  @DatabaseTest
  void an_origin_host_is_connected_while_its_account_is_not_uninstalled(TestDatabase db) {
    var accounts = new AccountRepository(db.dsl());
    accounts.install(1L, "one.amocrm.ru", T0);
    accounts.install(2L, "two.amocrm.ru", T0);
    accounts.changeState(2L, AccountState.NEEDS_REAUTH, "invalid_grant", T0);
    accounts.install(3L, "three.amocrm.ru", T0);
    accounts.changeState(3L, AccountState.INACTIVE, "uninstalled", T0);

    assertThat(accounts.connectedAt("ONE.amocrm.ru")).isTrue();
    assertThat(accounts.connectedAt("two.amocrm.ru")).isTrue();
    assertThat(accounts.connectedAt("three.amocrm.ru")).isFalse();
    assertThat(accounts.connectedAt("four.amocrm.ru")).isFalse();
  }
}
