package com.example.blog;

import io.ecto4j.repo.Transaction;
import java.math.BigDecimal;

/** What transactions.md's snippets call but do not show: a shop's own steps. */
public abstract class Shop {
  protected abstract boolean reserveStock(OrderStruct order);

  protected abstract CouponStruct applyCoupon(OrderStruct order, Transaction<String> savepoint);

  protected abstract String transfer(long from, long to, BigDecimal amount);
}
