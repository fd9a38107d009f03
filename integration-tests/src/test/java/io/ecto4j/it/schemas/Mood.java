package io.ecto4j.it.schemas;

public enum Mood {
  HAPPY,
  CALM,
  GRUMPY
}
