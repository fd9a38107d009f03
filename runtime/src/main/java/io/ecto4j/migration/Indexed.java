package io.ecto4j.migration;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks {@link Migration} so that the ecto4j processor sees every subclass: the annotation is
 * {@link Inherited}, and javac reports a class as annotated when its superclass is. The processor
 * then writes, per package, a {@code Migrations} class listing that package's migrations, so
 * that nothing has to find them at run time. You never write it yourself.
 */
@Documented
@Inherited
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.CLASS)
public @interface Indexed {}
