package io.ecto4j.processor;

import com.google.auto.service.AutoService;
import io.ecto4j.processor.reading.Unresolved;
import io.ecto4j.processor.validation.Claims;
import io.ecto4j.processor.writing.SchemaResourceGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Generates the struct and the companion of every {@code @Schema} interface. Schemas whose
 * signatures mention types that do not exist yet wait for a later round; every problem is reported
 * as an error with a {@code [Tag]} (see {@link Messages}), and a schema with an error generates
 * nothing, so that no follow-on error hides the real one. When processing is over, the DDL of all
 * schemas compiled is written as a resource (see {@link SchemaResourceGenerator}).
 */
@AutoService(Processor.class)
public final class SchemaProcessor extends AbstractProcessor {
  private static final String GENERATED = "javax.annotation.processing.Generated";

  private final Set<String> deferred = new TreeSet<>();
  private final Claims claims = new Claims();
  private final Set<String> failed = new HashSet<>();
  private final Set<String> generatedDespiteErrors = new HashSet<>();
  private final SchemaResourceGenerator resources = new SchemaResourceGenerator();
  private IntegrityCheck integrity;

  /**
   * Every annotation of {@code io.ecto4j.schema}, and the {@code @Generated} on the code written
   * here, so that all of them are claimed: javac's {@code -Xlint:processing} warns about
   * annotations no processor claims, which fails a {@code -Werror} build. Claiming hides them from
   * the processors javac asks later, which is why the integrity check runs here rather than as a
   * processor of its own. {@code @Generated} is a source-only marker no processor is known to
   * read; a user's processor that does would need to come first on the processor path.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(RuntimeNames.SCHEMA_PACKAGE + ".*", GENERATED);
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Set.of(IntegrityCheck.STRICT);
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    integrity = new IntegrityCheck(env);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    ErrorReporter reporter = new ErrorReporter(processingEnv.getMessager());
    List<TypeElement> schemas = schemas(round);
    deferred.clear();
    if (round.processingOver()) {
      schemas.forEach(schema -> reportUnresolved(reporter, schema));
      writeResources(reporter, schemas.isEmpty());
    } else if (!schemas.isEmpty()) {
      deferred.addAll(new SchemaRound(processingEnv, reporter, claims, failed, generatedDespiteErrors, resources)
          .process(schemas));
      integrity.check(round.getElementsAnnotatedWith(schemaAnnotation()));
    }
    return true;
  }

  /** The schemas deferred by the previous round, looked up again, and the new ones of this round. */
  private List<TypeElement> schemas(RoundEnvironment round) {
    List<TypeElement> schemas = new ArrayList<>();
    for (String name : deferred) {
      TypeElement schema = processingEnv.getElementUtils().getTypeElement(name);
      if (schema != null) {
        schemas.add(schema);
      }
    }
    for (TypeElement annotation : new TypeElement[] {schemaAnnotation(), embeddedAnnotation()}) {
      if (annotation == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(annotation)) {
        if (element instanceof TypeElement schema && !deferred.contains(schema.getQualifiedName().toString())) {
          schemas.add(schema);
        }
      }
    }
    return schemas;
  }

  /** {@code @Embedded}: read and generated as a schema without a table. */
  private TypeElement embeddedAnnotation() {
    return processingEnv.getElementUtils().getTypeElement(RuntimeNames.EMBEDDED.canonicalName());
  }

  private TypeElement schemaAnnotation() {
    return processingEnv.getElementUtils().getTypeElement(RuntimeNames.SCHEMA.canonicalName());
  }

  /**
   * The schema DDL resource, only when every schema of the compilation was generated: of the
   * schemas compiled, and of those an earlier build compiled that still exist (see {@link EarlierSchemas}).
   */
  private void writeResources(ErrorReporter reporter, boolean allResolved) {
    if (!allResolved || !failed.isEmpty() || resources.isEmpty()) {
      return;
    }
    SchemaRound unchanged = new SchemaRound(processingEnv, reporter, claims, failed, generatedDespiteErrors, resources);
    new EarlierSchemas(processingEnv).missingFrom(resources.schemas()).forEach(unchanged::addUnchanged);
    try {
      resources.write(processingEnv.getFiler());
      EarlierSchemas.write(processingEnv.getFiler(), resources.schemas());
    } catch (IOException e) {
      reporter.error(Messages.writeFailed(SchemaResourceGenerator.JSON, e.getMessage()), (Element) null);
    }
  }

  private void reportUnresolved(ErrorReporter reporter, TypeElement schema) {
    String what = Unresolved.find(schema).orElse("a schema it is associated with");
    reporter.error(Messages.unresolvedType(schema.getQualifiedName().toString(), what), schema);
  }
}
