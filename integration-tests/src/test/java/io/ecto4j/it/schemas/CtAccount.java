package io.ecto4j.it.schemas;

import io.ecto4j.schema.Field;
import io.ecto4j.schema.HasMany;
import io.ecto4j.schema.Schema;
import java.util.List;
import java.util.Map;

/** Custom types, arrays and typed maps of them, typed maps and an {@code Object} virtual field. */
@Schema("ct_accounts")
public interface CtAccount {
  Long id();

  @Field(using = CtEmail.Type.class) CtEmail email();

  @Field(using = CtEmail.Type.class) List<CtEmail> aliases();

  @Field(using = CtEmail.Type.class) Map<String, CtEmail> contacts();

  @Field(using = CtMoney.Type.class, params = "currency=EUR") CtMoney balance();

  @Field(using = CtVisits.Type.class) CtVisits visits();

  @Field Map<String, String> links();

  @Field Map<String, Double> intensities();

  @Field Map<String, Object> details();

  @Field(virtual = true) Object anything();

  @HasMany List<CtNote> notes();
}
