package io.ecto4j.bench.hibernate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The posts table as a Hibernate entity; both associations lazy, as recommended. */
@Entity
@Table(name = "posts")
public class HPost {
  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  public Long id;
  public String title;
  public String body;
  public boolean published;
  @Column(name = "view_count")
  public int viewCount;
  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "author_id")
  public HUser author;
  @Column(name = "inserted_at")
  public Instant insertedAt;
  @Column(name = "updated_at")
  public Instant updatedAt;
  @OneToMany(mappedBy = "post")
  @OrderBy("id")
  public List<HComment> comments = new ArrayList<>();
}
