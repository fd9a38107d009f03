package io.ecto4j.processor.writing;

import static javax.lang.model.element.Modifier.FINAL;
import static javax.lang.model.element.Modifier.PUBLIC;
import static javax.lang.model.element.Modifier.STATIC;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import io.ecto4j.processor.RuntimeNames;
import io.ecto4j.processor.model.MigrationModel;
import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.Element;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes the index of a package's migrations, {@code <package>.Migrations} with {@code all()}
 * creating each one in version order, so that the runtime registers them without scanning the
 * class path; the index is an {@code io.ecto4j.migration.MigrationIndex}, registered as a service
 * for the tools that run a project's migrations from outside it (the Maven goals, the Spring
 * starter, {@code @EctoTest}).
 */
public final class MigrationIndexGenerator {
  public static final String INDEX_NAME = "Migrations";
  public static final String RESOURCE = "META-INF/services/io.ecto4j.migration.MigrationIndex";

  private static final ClassName LIST = ClassName.get("java.util", "List");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  /** The index of {@code packageName}. */
  public static ClassName indexOf(String packageName) {
    return ClassName.get(packageName, INDEX_NAME);
  }

  /** The index of {@code migrations}, all of {@code packageName}, sorted by version. */
  public JavaFile generate(String packageName, List<MigrationModel> migrations, List<Element> origins) {
    List<CodeBlock> creations = migrations.stream().map(m -> CodeBlock.of("new $T()", m.type())).toList();
    TypeSpec.Builder type = TypeSpec.classBuilder(indexOf(packageName))
        .addAnnotation(AnnotationSpec.builder(GENERATED)
            .addMember("value", "$S", "io.ecto4j.processor.MigrationProcessor")
            .addMember("comments", "$S", "from the Migration subclasses of " + packageName)
            .build())
        .addModifiers(PUBLIC, FINAL)
        .addSuperinterface(RuntimeNames.MIGRATION_INDEX)
        .addJavadoc("The migrations of package {@code $L}, in version order, for\n"
            + "{@code Migrator.builder(dataSource).migrations(Migrations.all())}.\n", packageName)
        .addMethod(MethodSpec.constructorBuilder().addModifiers(PUBLIC)
            .addJavadoc("For the service loader of the tools that run the project's migrations; call {@link #all()}.\n")
            .build())
        .addMethod(MethodSpec.methodBuilder("all")
            .addJavadoc("A new instance of every migration of this package, in version order.\n")
            .addModifiers(PUBLIC, STATIC)
            .returns(ParameterizedTypeName.get(LIST, RuntimeNames.MIGRATION))
            .addStatement("return $T.of(\n$L)", LIST, CodeBlock.join(creations, ",\n"))
            .build())
        .addMethod(MethodSpec.methodBuilder("migrations")
            .addAnnotation(Override.class)
            .addModifiers(PUBLIC)
            .returns(ParameterizedTypeName.get(LIST, RuntimeNames.MIGRATION))
            .addStatement("return all()")
            .build());
    origins.forEach(type::addOriginatingElement);
    return JavaFile.builder(packageName, type.build()).skipJavaLangImports(true).indent(GeneratedFiles.INDENT).build();
  }

  /** Writes {@code file}. */
  public void write(JavaFile file, Filer filer) throws IOException {
    GeneratedFiles.write(file, filer);
  }

  /** Writes the service registration naming every index, one per line. */
  public void writeResource(Collection<ClassName> indexes, Filer filer) throws IOException {
    FileObject file = filer.createResource(StandardLocation.CLASS_OUTPUT, "", RESOURCE);
    try (Writer writer = file.openWriter()) {
      for (ClassName index : indexes) {
        writer.write(index.canonicalName() + "\n");
      }
    }
  }
}
