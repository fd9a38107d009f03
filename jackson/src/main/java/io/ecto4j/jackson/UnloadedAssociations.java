package io.ecto4j.jackson;

/**
 * What an association that was not preloaded becomes in a struct's JSON. Ecto's structs hold
 * {@code %Ecto.Association.NotLoaded{}} there, which Jason refuses to encode; ecto4j picks a shape
 * instead, so that a response never costs a hidden query and never fails on a missing preload.
 */
public enum UnloadedAssociations {
  /** Left out of the object: a client tells "not loaded" from "loaded and empty" (the default). */
  OMIT,
  /**
   * Written as {@code null}, for clients that expect every key; a to-many association then reads
   * as {@code null} rather than {@code []}, so "not loaded" is still told apart from "none".
   */
  NULL
}
