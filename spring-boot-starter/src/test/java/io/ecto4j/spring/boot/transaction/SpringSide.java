package io.ecto4j.spring.boot.transaction;

import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/** Spring's side of the combinations: each method runs the test's work under one kind of @Transactional. */
public class SpringSide {
  /** The test's work; it may throw checked exceptions, to show Spring's rules for them. */
  @FunctionalInterface
  public interface Work<T> {
    T run() throws Exception;
  }

  @Transactional
  public <T> T required(Work<T> work) throws Exception {
    return work.run();
  }

  @Transactional(rollbackFor = Exception.class)
  public <T> T requiredRollingBackForAny(Work<T> work) throws Exception {
    return work.run();
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public <T> T requiresNew(Work<T> work) throws Exception {
    return work.run();
  }

  @Transactional(propagation = Propagation.NESTED)
  public <T> T nested(Work<T> work) throws Exception {
    return work.run();
  }

  @Transactional(readOnly = true)
  public <T> T readOnly(Work<T> work) throws Exception {
    return work.run();
  }

  @Transactional(isolation = Isolation.SERIALIZABLE)
  public <T> T serializable(Work<T> work) throws Exception {
    return work.run();
  }

  /** Runs the work, then marks the transaction rollback-only without throwing. */
  @Transactional
  public <T> T markingRollbackOnly(Work<T> work) throws Exception {
    T value = work.run();
    TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
    return value;
  }
}
