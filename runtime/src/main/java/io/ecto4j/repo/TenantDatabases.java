package io.ecto4j.repo;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * A database per tenant, Ecto's dynamic repos: each tenant's pool is opened on its first use and
 * at most {@code maxOpenPools} stay open; opening one more closes the least recently used tenant's
 * pool that nobody uses (no connection out, none being asked for). A pool in use is never closed
 * under its user, so while more than {@code maxOpenPools} tenants are in use at once the bound is
 * exceeded, until one of them is idle when the next pool opens.
 */
final class TenantDatabases {
  private final Map<String, Slot> slots = new ConcurrentHashMap<>();
  private final int maxOpenPools;
  /** A logical clock for "least recently used": no wall time, so tests and eviction are exact. */
  private final AtomicLong uses = new AtomicLong();
  private final AtomicInteger open = new AtomicInteger();
  private final Object evicting = new Object();
  private volatile boolean closed;

  TenantDatabases(int maxOpenPools) {
    this.maxOpenPools = maxOpenPools;
  }

  /** Registers a tenant; its pool opens on its first connection. */
  Slot add(String id, Supplier<Repo.Builder> options) {
    Slot slot = new Slot(id, options);
    slots.put(id, slot);
    return slot;
  }

  /** A tenant's place in the registry: how to open its pool, and the pool while it is open. */
  static final class Slot {
    private final String id;
    private final Supplier<Repo.Builder> options;
    private HikariDataSource pool;
    private int leases;
    private volatile long lastUsed;
    private volatile boolean isOpen;

    Slot(String id, Supplier<Repo.Builder> options) {
      this.id = id;
      this.options = options;
    }

    String id() {
      return id;
    }

    Repo.Builder options() {
      return options.get();
    }
  }

  /** Tenant {@code id}'s slot, which the registry checked is there. */
  Slot slot(String id) {
    return slots.get(id);
  }

  /**
   * A connection of {@code slot}'s tenant, its pool opened first if it is not. Concurrent first uses
   * wait for one opening; the lease keeps the pool from being closed until the connection is out.
   */
  Connection connect(Slot slot) throws SQLException {
    HikariDataSource pool;
    boolean opened;
    synchronized (slot) {
      if (closed) {
        throw new IllegalStateException("the tenants registry is closed: tenant `" + slot.id + "` has no pool any more");
      }
      opened = slot.pool == null;
      if (opened) {
        slot.pool = slot.options().openPool();
        slot.isOpen = true;
        open.incrementAndGet();
      }
      slot.leases++;
      slot.lastUsed = uses.incrementAndGet();
      pool = slot.pool;
    }
    try {
      if (opened) {
        evictBeyondBound(slot);
      }
      return pool.getConnection();
    } finally {
      synchronized (slot) {
        slot.leases--;
      }
    }
  }

  /** Closes least recently used idle pools, other than {@code keep}'s, until at most the bound are open. */
  private void evictBeyondBound(Slot keep) {
    synchronized (evicting) {
      if (open.get() <= maxOpenPools) {
        return;
      }
      List<Slot> candidates = new ArrayList<>();
      for (Slot slot : slots.values()) {
        if (slot != keep && slot.isOpen) {
          candidates.add(slot);
        }
      }
      candidates.sort(Comparator.comparingLong(slot -> slot.lastUsed));
      for (Slot slot : candidates) {
        if (open.get() <= maxOpenPools) {
          return;
        }
        closeIfIdle(slot);
      }
    }
  }

  private void closeIfIdle(Slot slot) {
    synchronized (slot) {
      if (slot.pool != null && slot.leases == 0 && inUse(slot.pool) == 0) {
        close(slot);
      }
    }
  }

  /** Connections out of {@code pool}: a transaction's, a checkout's, a stream's, a statement's. */
  private static int inUse(HikariDataSource pool) {
    HikariPoolMXBean bean = pool.getHikariPoolMXBean();
    return bean == null ? 0 : bean.getActiveConnections() + bean.getThreadsAwaitingConnection();
  }

  private void close(Slot slot) {
    slot.pool.close();
    slot.pool = null;
    slot.isOpen = false;
    open.decrementAndGet();
  }

  /** How many tenants' pools are open now. */
  int openPools() {
    return open.get();
  }

  /** The ids of the tenants whose pools are open, least recently used first. */
  List<String> openTenants() {
    return slots.values().stream().filter(slot -> slot.isOpen)
        .sorted(Comparator.comparingLong(slot -> slot.lastUsed)).map(Slot::id).toList();
  }

  /** Closes every pool, in use or not: the registry is shutting down. */
  void close() {
    closed = true;
    for (Slot slot : slots.values()) {
      synchronized (slot) {
        if (slot.pool != null) {
          close(slot);
        }
      }
    }
  }
}
