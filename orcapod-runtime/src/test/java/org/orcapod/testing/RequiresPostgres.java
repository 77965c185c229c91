package org.orcapod.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class or method that needs PostgreSQL: tags it {@code postgres} and applies {@link
 * PostgresAvailable} (skip loudly when unreachable, fail under {@code CI=true}).
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("postgres")
@ExtendWith(PostgresAvailable.class)
public @interface RequiresPostgres {}
