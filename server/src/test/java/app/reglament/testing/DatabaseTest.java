package app.reglament.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.TestTemplate;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A test that runs once per test database: always on H2 (in MySQL mode, as the embedded default
 * runs), and also on MySQL/MariaDB when {@code REGLAMENT_TEST_DB_URL} is set. The test takes a
 * {@link TestDatabase} parameter; every table is empty when it starts.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@TestTemplate
@ExtendWith(DatabaseExtension.class)
public @interface DatabaseTest {}
