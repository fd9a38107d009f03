package io.ecto4j;

/** The base of ecto4j's run-time errors; each subclass names its cause in the message. */
public class EctoException extends RuntimeException {
  public EctoException(String message) {
    super(message);
  }

  public EctoException(String message, Throwable cause) {
    super(message, cause);
  }
}
