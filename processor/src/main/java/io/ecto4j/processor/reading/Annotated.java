package io.ecto4j.processor.reading;

import javax.lang.model.element.AnnotationMirror;

/** One of the {@link MemberAnnotation}s found on a method, with its mirror. */
public record Annotated(MemberAnnotation annotation, AnnotationMirror mirror) {}
