package io.ecto4j.bench.model;

import java.time.Instant;

/** A users row, as the JDBC and jOOQ implementations materialise it, and as results are compared. */
public record UserRow(Long id, String name, String email, Instant insertedAt, Instant updatedAt) {}
