package io.ecto4j.processor.writing;

import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.TypeSpec;
import io.ecto4j.processor.model.SchemaModel;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/** Generates the files of a validated schema, the struct then the companion, and writes them. */
public final class SchemaWriter {
  private final Filer filer;
  private final Elements elements;
  private final StructGenerator structs = new StructGenerator();
  private final CompanionGenerator companions = new CompanionGenerator();
  private final EmbeddedCompanionGenerator embeddedCompanions = new EmbeddedCompanionGenerator();

  public SchemaWriter(Filer filer, Elements elements) {
    this.filer = filer;
    this.elements = elements;
  }

  /** The generated files of {@code schema}, without writing them. */
  public List<JavaFile> files(SchemaModel schema) {
    return files(schema, List.of());
  }

  /** The generated files of {@code schema}, read without {@code unread}, whose errors are reported. */
  public List<JavaFile> files(SchemaModel schema, Collection<ExecutableElement> unread) {
    return List.of(structs.generate(schema, unread),
        schema.isEmbedded() ? embeddedCompanions.generate(schema) : companions.generate(schema));
  }

  /**
   * Writes {@code file}; an {@link IOException} names the file that could not be written, a
   * {@link StaleRecordException} a record javac 17 cannot compile over its stale class file.
   */
  public void write(JavaFile file) throws IOException {
    TypeSpec type = file.typeSpec();
    if (type.kind() == TypeSpec.Kind.RECORD
        && StaleRecords.forgetAndCheck(filer, elements, file.packageName(), type.name())) {
      String name = file.packageName().isEmpty() ? type.name() : file.packageName() + "." + type.name();
      throw new StaleRecordException(name);
    }
    GeneratedFiles.write(file, filer);
  }
}
