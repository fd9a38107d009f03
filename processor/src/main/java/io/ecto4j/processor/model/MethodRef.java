package io.ecto4j.processor.model;

import com.palantir.javapoet.TypeName;
import javax.lang.model.element.ExecutableElement;

/**
 * A method of the schema interface that is neither a field nor an association: an abstract
 * "exposure" of a generated component ({@code Long id()}), or a default/static method whose name
 * must not clash with generated members.
 */
public record MethodRef(String name, TypeName returnType, int parameterCount, ExecutableElement element) {}
