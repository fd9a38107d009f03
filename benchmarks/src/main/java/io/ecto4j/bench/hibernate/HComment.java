package io.ecto4j.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** The comments table as a Hibernate entity. */
@Entity
@Table(name = "comments")
public class HComment {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;
  public String body;
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "post_id")
  public HPost post;
  @Column(name = "inserted_at")
  public Instant insertedAt;
  @Column(name = "updated_at")
  public Instant updatedAt;
}
