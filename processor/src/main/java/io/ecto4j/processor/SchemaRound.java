package io.ecto4j.processor;

import com.palantir.javapoet.JavaFile;
import io.ecto4j.processor.model.AssociationModel;
import io.ecto4j.processor.model.SchemaModel;
import io.ecto4j.processor.reading.Annotations;
import io.ecto4j.processor.reading.SchemaReader;
import io.ecto4j.processor.reading.SchemaRefReader;
import io.ecto4j.processor.reading.Targets;
import io.ecto4j.processor.reading.CustomTypes;
import io.ecto4j.processor.reading.TypeMapper;
import io.ecto4j.processor.validation.Claims;
import io.ecto4j.processor.validation.ElementReport;
import io.ecto4j.processor.validation.ElementValidator;
import io.ecto4j.processor.validation.ModelValidator;
import io.ecto4j.processor.validation.RoundValidator;
import io.ecto4j.processor.writing.SchemaResourceGenerator;
import io.ecto4j.processor.writing.SchemaWriter;
import io.ecto4j.processor.writing.StaleRecordException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One round of processing: defer → validate elements → read → validate models → generate. The
 * schemas are handled in order of their names, so that output and errors are reproducible.
 */
final class SchemaRound {
  private final ErrorReporter reporter;
  private final Annotations annotations;
  private final Targets targets;
  private final ElementValidator elementValidator;
  private final SchemaReader reader;
  private final ModelValidator modelValidator;
  private final RoundValidator roundValidator;
  private final SchemaWriter writer;
  private final Set<String> failed;
  private final Set<String> generatedDespiteErrors;
  private final SchemaResourceGenerator resources;

  /**
   * @param failed the schemas that failed so far, in earlier rounds too; this round adds its own
   * @param generatedDespiteErrors those of them whose errors all leave their code valid
   * @param resources collects the tables of the schemas generated, for the schema DDL resource
   */
  SchemaRound(ProcessingEnvironment env, ErrorReporter reporter, Claims claims, Set<String> failed,
      Set<String> generatedDespiteErrors, SchemaResourceGenerator resources) {
    Annotations annotations = new Annotations(env.getElementUtils());
    TypeMapper types = new TypeMapper();
    CustomTypes customTypes = new CustomTypes(env.getTypeUtils(), types);
    this.annotations = annotations;
    this.reporter = reporter;
    this.failed = failed;
    this.generatedDespiteErrors = generatedDespiteErrors;
    this.resources = resources;
    this.targets = new Targets(annotations);
    this.elementValidator = new ElementValidator(reporter, env.getElementUtils(), env.getTypeUtils(), annotations,
        types, customTypes);
    this.reader = new SchemaReader(annotations, types, new SchemaRefReader(annotations, types), customTypes);
    this.modelValidator = new ModelValidator(reporter);
    this.roundValidator = new RoundValidator(reporter, env.getElementUtils(), env.getFiler(), claims);
    this.writer = new SchemaWriter(env.getFiler(), env.getElementUtils());
  }

  /** Processes {@code candidates}; returns the names of those deferred to the next round. */
  Set<String> process(List<TypeElement> candidates) {
    Map<String, TypeElement> schemas = new TreeMap<>();
    candidates.forEach(schema -> schemas.put(schema.getQualifiedName().toString(), schema));
    Set<String> deferred = Deferral.of(schemas, targets);
    deferred.forEach(schemas::remove);
    Map<String, ElementReport> reports = new TreeMap<>();
    Map<String, SchemaModel> models = new TreeMap<>();
    schemas.forEach((name, schema) -> guarded(name, schema, () -> {
      ElementReport report = elementValidator.validate(schema);
      reports.put(name, report);
      if (report.readable()) {
        models.put(name, reader.read(schema, report.invalidMethods()));
      }
    }));
    models.forEach((name, model) -> {
      int stoppingBefore = reporter.codeStoppingErrorCount();
      boolean valid = guarded(name, model.element(), () -> {
        modelValidator.validate(model, reports.get(name).complete());
        roundValidator.validate(model);
      });
      ElementReport report = reports.get(name);
      boolean failedHere = !valid || !report.complete();
      boolean codeStaysValid = reporter.codeStoppingErrorCount() == stoppingBefore
          && (report.complete() || othersNeedNone(report.invalidMethods()));
      if (failedHere && codeStaysValid) {
        generatedDespiteErrors.add(name);
      }
    });
    models.forEach((name, model) -> {
      if (!blocked(model, models)) {
        guarded(name, model.element(), () -> generate(model, reports.get(name).invalidMethods()));
      }
    });
    return deferred;
  }

  /**
   * Records, for the schema DDL resource only, a schema an earlier build generated and this one
   * did not recompile: it was valid then, and its generated code is there already.
   */
  void addUnchanged(TypeElement schema) {
    guarded(schema.getQualifiedName().toString(), schema, () -> resources.add(reader.read(schema)));
  }

  /**
   * Runs one step for one schema; any error, even an unexpected exception, marks the schema failed.
   * Whether the step reported nothing.
   */
  private boolean guarded(String name, TypeElement schema, Runnable step) {
    int before = reporter.errorCount();
    try {
      step.run();
    } catch (RuntimeException unexpected) {
      reporter.error(Messages.unexpected(name, unexpected), schema);
    }
    if (reporter.errorCount() > before) {
      failed.add(name);
      return false;
    }
    return true;
  }

  /**
   * Whether {@code model} failed, or reaches through its associations a schema that failed (in this
   * round or an earlier one): its code would refer to types that are not generated. A schema whose
   * errors all leave its code valid ({@link ErrorReporter#errorKeepingCode}) is generated, and
   * blocks nothing.
   */
  private boolean blocked(SchemaModel model, Map<String, SchemaModel> models) {
    Set<String> seen = new HashSet<>();
    Deque<String> pending = new ArrayDeque<>(List.of(model.schema().canonicalName()));
    while (!pending.isEmpty()) {
      String name = pending.pop();
      if (failed.contains(name) && !generatedDespiteErrors.contains(name)) {
        return true;
      }
      SchemaModel reached = models.get(name);
      if (seen.add(name) && reached != null) {
        reached.associations().stream().map(AssociationModel::target)
            .forEach(target -> pending.push(target.schema().canonicalName()));
      }
    }
    return false;
  }

  /**
   * Whether no other schema's generated code needs the methods {@code invalid}, so that the struct
   * can stand in for them (see {@code UnreadMembers}): true unless one is an association, whose
   * keys and inverse other schemas' code names.
   */
  private boolean othersNeedNone(Set<ExecutableElement> invalid) {
    return invalid.stream().flatMap(method -> annotations.memberAnnotations(method).stream())
        .allMatch(found -> found.annotation().association().isEmpty());
  }

  private void generate(SchemaModel model, Set<ExecutableElement> unread) {
    for (JavaFile file : writer.files(model, unread)) {
      try {
        writer.write(file);
      } catch (StaleRecordException e) {
        reporter.error(Messages.staleRecordClass(model.schema().canonicalName(), e.type()), model.element());
      } catch (IOException e) {
        reporter.error(Messages.writeFailed(file.packageName() + "." + file.typeSpec().name(), e.getMessage()),
            model.element());
      }
    }
    if (!model.isEmbedded()) {
      resources.add(model); // an embedded schema has no table of its own
    }
  }
}
