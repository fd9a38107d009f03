package io.ecto4j.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An association slot of the struct.
 *
 * @param declaredType the accessor's return type in the interface, e.g. {@code List<Comment>}
 * @param ownerKey the owner's column relating the rows (the foreign key of a {@code @BelongsTo});
 *     empty when it would be the primary key of a schema that has none
 * @param relatedKey the related table's column; empty likewise
 * @param onDelete the declared reference action, for {@code @BelongsTo} and {@code @ManyToMany}
 * @param where the declared filters on the related rows: each {@code @Where} of {@code where}, and the
 *     {@code whereColumn}/{@code whereValue} pair when either is set
 * @param joinWhere the declared filters on a {@code @ManyToMany}'s join rows, as {@code where}
 * @param preloadOrder the declared {@code preloadOrder} text, empty when none (see {@link PreloadOrder})
 * @param onReplace the declared {@code onReplace} constant, {@code RAISE} when not declared
 * @param through the path of a {@code through} association, resolved as far as it goes; empty otherwise
 * @param defaults the class named by {@code defaults}, when one is
 * @param forceUpdateOnChange the declared {@code forceUpdateOnChange}, true when not declared
 * @param unique the declared {@code unique} of a {@code @ManyToMany}, false when not declared
 */
public record AssociationModel(
    String name,
    AssociationKind kind,
    TypeName declaredType,
    SchemaRef target,
    Optional<String> ownerKey,
    Optional<String> relatedKey,
    Optional<JoinTableModel> joinTable,
    Optional<OnDelete> onDelete,
    String preloadOrder,
    List<FilterModel> where,
    List<FilterModel> joinWhere,
    String onReplace,
    List<ThroughLink> through,
    Origin origin,
    Optional<ClassName> defaults,
    boolean forceUpdateOnChange,
    boolean unique) {

  public AssociationModel {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(declaredType, "declaredType");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(ownerKey, "ownerKey");
    Objects.requireNonNull(relatedKey, "relatedKey");
    Objects.requireNonNull(joinTable, "joinTable");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(preloadOrder, "preloadOrder");
    where = List.copyOf(where);
    joinWhere = List.copyOf(joinWhere);
    Objects.requireNonNull(onReplace, "onReplace");
    through = List.copyOf(through);
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(defaults, "defaults");
  }

  public boolean isThrough() {
    return !through.isEmpty();
  }

  /** The struct component's type: the target's struct for to-one, the declared list otherwise. */
  public TypeName slotType() {
    return kind.isToOne() ? target.struct() : declaredType;
  }
}
