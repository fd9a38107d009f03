package io.ecto4j.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The users table as a Hibernate entity. */
@Entity
@Table(name = "users")
public class HUser {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;
  public String name;
  public String email;
  @Column(name = "inserted_at")
  public Instant insertedAt;
  @Column(name = "updated_at")
  public Instant updatedAt;

  // accessors: a lazy proxy answers methods, never fields
  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getEmail() {
    return email;
  }

  public Instant getInsertedAt() {
    return insertedAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
