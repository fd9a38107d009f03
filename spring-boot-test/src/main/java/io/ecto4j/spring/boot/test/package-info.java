/**
 * ecto4j's test support for Spring Boot: {@link io.ecto4j.spring.boot.test.EctoSandbox} runs each
 * test of a {@code @SpringBootTest} in the SQL sandbox (everything it did, commits included,
 * rolled back at its end), and {@link io.ecto4j.spring.boot.test.EctoDataTest} is the slice that
 * starts only the data layer, in the sandbox.
 */
package io.ecto4j.spring.boot.test;
