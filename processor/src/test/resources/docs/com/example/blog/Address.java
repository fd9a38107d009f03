package com.example.blog;

import io.ecto4j.changeset.Changeset;
import io.ecto4j.schema.Embedded;
import io.ecto4j.schema.Field;
import java.util.Map;

/** An address embedded in an order, for the embed examples. */
@Embedded
public interface Address {
  @Field String street();
  @Field String city();

  static Changeset<AddressStruct> changeset(AddressStruct address, Map<String, ?> params) {
    return Changeset.cast(address, params, Addresses.STREET, Addresses.CITY).validateRequired(Addresses.CITY);
  }
}
