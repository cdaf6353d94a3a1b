package dev.apphost.processor;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;

/**
 * Reports {@link Problem}s through the compiler's {@link Messager}, pinned on the
 * {@code @AppHost} annotation of the class (so IDEs and javac point at the annotation's line).
 */
final class Reporter {

    private final Messager messager;

    Reporter(Messager messager) {
        this.messager = messager;
    }

    void report(Problem problem, Element element, AnnotationMirror annotation) {
        if (annotation != null) {
            messager.printMessage(problem.kind(), problem.text(), element, annotation);
        } else {
            messager.printMessage(problem.kind(), problem.text(), element);
        }
    }

    void report(Message message, Element element, AnnotationMirror annotation, Object... args) {
        report(Problem.of(message, args), element, annotation);
    }
}
