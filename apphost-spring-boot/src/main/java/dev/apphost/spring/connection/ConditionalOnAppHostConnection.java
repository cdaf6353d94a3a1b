package dev.apphost.spring.connection;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Conditional;

/**
 * Matches when the AppHost injected at least one connection of {@link #value()} (or
 * {@code apphost.<kind>.connection-name} names one); which one is used is decided when the bean is made.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnAppHostConnectionCondition.class)
public @interface ConditionalOnAppHostConnection {

    ConnectionKind value();
}
