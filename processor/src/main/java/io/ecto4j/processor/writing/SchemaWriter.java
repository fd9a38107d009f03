package io.ecto4j.processor.writing;

import com.palantir.javapoet.JavaFile;
import io.ecto4j.processor.model.SchemaModel;
import java.io.IOException;
import java.util.List;
import javax.annotation.processing.Filer;

/** Generates the files of a validated schema, the struct then the companion, and writes them. */
public final class SchemaWriter {
  private final Filer filer;
  private final StructGenerator structs = new StructGenerator();
  private final CompanionGenerator companions = new CompanionGenerator();

  public SchemaWriter(Filer filer) {
    this.filer = filer;
  }

  /** The generated files of {@code schema}, without writing them. */
  public List<JavaFile> files(SchemaModel schema) {
    return List.of(structs.generate(schema), companions.generate(schema));
  }

  /** Writes {@code file}; an {@link IOException} names the file that could not be written. */
  public void write(JavaFile file) throws IOException {
    GeneratedFiles.write(file, filer);
  }
}
